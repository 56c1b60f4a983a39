package cn.jinan.edu.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The realm files Keycloak imports at start: the production realm {@code
 * deploy/keycloak/edu-realm.json} as it is, plus what only tests may have — known client secrets,
 * the test users of {@code deploy/keycloak/test}, more test users, two public test clients with the
 * password grant — and a second realm whose tokens the suite must refuse.
 */
final class Realms {
  /** Public client for user tokens (password grant), mapping claims like the browser client. */
  static final String TEST_CLIENT = "e2e-tests";

  /** The same, but its access tokens live {@link #SHORT_LIFESPAN_SECONDS} seconds. */
  static final String SHORT_LIVED_CLIENT = "e2e-short-lived";

  static final int SHORT_LIFESPAN_SECONDS = 5;

  /** A realm in the same Keycloak that the suite does not trust. */
  static final String OTHER_REALM = "elsewhere";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Realms() {}

  static String password(String username) {
    return "Test-only-1-" + username; // the convention of deploy/keycloak/test (realm policy)
  }

  static void write(
      Path suiteRoot, Path importDir, Map<String, String> secrets, List<TestUsers.User> extraUsers)
      throws IOException {
    Path keycloak = suiteRoot.resolve("deploy/keycloak");
    ObjectNode realm = (ObjectNode) JSON.readTree(keycloak.resolve("edu-realm.json").toFile());
    ArrayNode clients = (ArrayNode) realm.get("clients");
    ObjectNode portal = null;
    for (JsonNode c : clients) {
      String id = c.path("clientId").asText();
      if (secrets.containsKey(id)) {
        ((ObjectNode) c).put("secret", secrets.get(id));
      }
      if (id.equals("edu-portal")) {
        portal = (ObjectNode) c;
      }
    }
    if (portal == null) {
      throw new IllegalStateException("edu-realm.json has no client edu-portal");
    }
    clients.add(passwordClient(TEST_CLIENT, portal, null));
    clients.add(passwordClient(SHORT_LIVED_CLIENT, portal, SHORT_LIFESPAN_SECONDS));

    ArrayNode users = (ArrayNode) realm.withArray("users");
    JsonNode testUsers = JSON.readTree(keycloak.resolve("test/edu-users-0.json").toFile());
    testUsers.path("users").forEach(users::add);
    extraUsers.forEach(u -> users.add(user(u)));

    Files.createDirectories(importDir);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(importDir.resolve("edu-realm.json").toFile(), realm);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(importDir.resolve(OTHER_REALM + "-realm.json").toFile(), otherRealm(portal));
  }

  /** Like edu-portal (same mappers and scopes, so the same claims), with the password grant. */
  private static ObjectNode passwordClient(String clientId, ObjectNode portal, Integer lifespan) {
    ObjectNode c = JSON.createObjectNode();
    c.put("clientId", clientId);
    c.put("name", "system tests (local only)");
    c.put("enabled", true);
    c.put("protocol", "openid-connect");
    c.put("publicClient", true);
    c.put("standardFlowEnabled", false);
    c.put("directAccessGrantsEnabled", true);
    c.put("serviceAccountsEnabled", false);
    if (lifespan != null) {
      c.putObject("attributes").put("access.token.lifespan", String.valueOf(lifespan));
    }
    c.set("protocolMappers", portal.get("protocolMappers").deepCopy());
    c.set("defaultClientScopes", portal.get("defaultClientScopes").deepCopy());
    return c;
  }

  private static ObjectNode user(TestUsers.User u) {
    ObjectNode n = JSON.createObjectNode();
    n.put("username", u.username());
    n.put("enabled", true);
    n.put("emailVerified", true);
    n.put("firstName", "System");
    n.put("lastName", "Test");
    n.put("email", u.username() + "@test.jinan-edu.example");
    ObjectNode credential = n.putArray("credentials").addObject();
    credential.put("type", "password");
    credential.put("value", password(u.username()));
    credential.put("temporary", false);
    n.putArray("realmRoles").add(u.role());
    ObjectNode attributes = n.putObject("attributes");
    if (u.district() != null) {
      attributes.putArray("district_code").add(u.district());
    }
    if (u.school() != null) {
      attributes.putArray("school_code").add(u.school());
    }
    return n;
  }

  /**
   * Same role names, same audience, same claims as the realm edu — only the issuer and its keys
   * differ, so a refusal can only come from the issuer check.
   */
  private static ObjectNode otherRealm(ObjectNode portal) {
    ObjectNode r = JSON.createObjectNode();
    r.put("realm", OTHER_REALM);
    r.put("enabled", true);
    r.put("sslRequired", "external");
    r.putObject("roles").putArray("realm").addObject().put("name", "city-admin");
    r.putArray("clients").add(passwordClient(TEST_CLIENT, portal, null));
    r.putArray("users").add(user(TestUsers.INTRUDER));
    return r;
  }
}
