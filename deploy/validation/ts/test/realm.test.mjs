// The realm export carries what the suite needs (roles, clients, claims) and nothing secret.
// deploy/keycloak/keycloak.sh verify proves it imports into a real Keycloak and issues tokens.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const realm = JSON.parse(readFileSync(new URL("../../../keycloak/edu-realm.json", import.meta.url), "utf8"));
const client = (id) => realm.clients.find((c) => c.clientId === id);
const mapperClaims = (c) => (c.protocolMappers ?? []).map((m) => m.config["claim.name"] ?? m.config["included.custom.audience"]);

const role = (name) => realm.roles.realm.find((r) => r.name === name);

test("realm edu declares the five roles the services check, the three officers and otp-required", () => {
  assert.equal(realm.realm, "edu");
  assert.deepEqual(
    realm.roles.realm.map((r) => r.name).sort(),
    [
      "audit-admin",
      "auditor",
      "city-admin",
      "data-reporter",
      "district-reviewer",
      "otp-required",
      "school-applicant",
      "security-admin",
      "system-admin",
    ],
  );
  // Keycloak stores a role description in 255 characters; a longer one fails the import.
  for (const r of realm.roles.realm) {
    assert.ok(r.description.length <= 255, r.name);
  }
});

test("等保: password policy, brute-force lockout, events kept 180 days", () => {
  const policy = Object.fromEntries(
    realm.passwordPolicy.split(" and ").map((p) => {
      const m = /^(\w+)(?:\((.*)\))?$/.exec(p.trim());
      return [m[1], m[2]];
    }),
  );
  assert.ok(Number(policy.length) >= 12, "length >= 12");
  for (const kind of ["upperCase", "lowerCase", "digits", "specialChars"]) {
    assert.ok(Number(policy[kind]) >= 1, kind);
  }
  assert.ok("notUsername" in policy, "notUsername");
  assert.ok(Number(policy.passwordHistory) >= 5, "history 5");
  assert.equal(Number(policy.forceExpiredPasswordChange), 90, "expiry 90 days");
  assert.ok(realm.bruteForceProtected && realm.failureFactor <= 5 && realm.permanentLockout, "lockout");
  const days180 = 180 * 24 * 3600;
  assert.ok(realm.eventsEnabled && realm.eventsExpiration >= days180, "login events, 180 days");
  assert.ok(realm.adminEventsEnabled && realm.adminEventsDetailsEnabled, "admin events");
  assert.ok(Number(realm.attributes.adminEventsExpiration) >= days180, "admin events, 180 days");
});

test("等保: city-admin, auditor and the three officers need a one-time password in the browser flow", () => {
  for (const name of ["city-admin", "auditor", "system-admin", "security-admin", "audit-admin"]) {
    assert.ok(role(name).composites.realm.includes("otp-required"), name);
  }
  const flow = (alias) => realm.authenticationFlows.find((f) => f.alias === alias);
  assert.equal(realm.browserFlow, "browser-mlps3");
  const otp = flow("browser-mlps3 otp").authenticationExecutions;
  const condition = otp.find((e) => e.authenticator === "conditional-user-role");
  const config = realm.authenticatorConfig.find((c) => c.alias === condition.authenticatorConfig);
  assert.equal(config.config.condUserRole, "otp-required");
  assert.ok(otp.some((e) => e.authenticator === "auth-otp-form" && e.requirement === "REQUIRED"));
  assert.ok(
    flow("browser-mlps3 forms").authenticationExecutions.some(
      (e) => e.flowAlias === "browser-mlps3 otp" && e.requirement === "CONDITIONAL",
    ),
  );
});

test("等保 三员分立: the officers' Keycloak permissions do not overlap where they must not", () => {
  const perms = (name) => role(name).composites.client["realm-management"];
  assert.ok(!perms("system-admin").some((p) => p.includes("users") || p.includes("events")), "system-admin");
  assert.ok(!perms("security-admin").some((p) => p.includes("clients") || p.includes("events")), "security-admin");
  assert.ok(perms("audit-admin").includes("view-events"), "audit-admin reads events");
  assert.ok(perms("audit-admin").every((p) => p.startsWith("view-")), "audit-admin changes nothing");
  for (const name of ["system-admin", "security-admin", "audit-admin"]) {
    assert.ok(!perms(name).includes("manage-events") && !perms(name).includes("realm-admin"), name);
  }
});

test("client-credentials clients are confidential and their service accounts hold data-reporter", () => {
  for (const id of ["gov-data-exchange", "milestone-service", "quality-index-service"]) {
    const c = client(id);
    assert.ok(c && !c.publicClient && c.serviceAccountsEnabled && !c.directAccessGrantsEnabled, id);
    assert.equal(c.secret, undefined, `${id}: no secret in the export (Keycloak generates one)`);
    const account = realm.users.find((u) => u.serviceAccountClientId === id);
    assert.deepEqual(account?.realmRoles, ["data-reporter"], id);
    assert.ok(c.defaultClientScopes.includes("roles"), `${id}: realm roles in the token`);
    assert.ok(mapperClaims(c).includes("jinan-edu-api"), `${id}: audience`);
  }
});

test("the browser client is public, uses PKCE and maps the scope claims into access tokens", () => {
  const c = client("edu-portal");
  assert.ok(c.publicClient && c.standardFlowEnabled && !c.directAccessGrantsEnabled && !c.implicitFlowEnabled);
  assert.equal(c.attributes["pkce.code.challenge.method"], "S256");
  for (const claim of ["district_code", "school_code"]) {
    const m = c.protocolMappers.find((p) => p.config["claim.name"] === claim);
    assert.equal(m?.config["access.token.claim"], "true", claim);
    assert.equal(m?.config["jsonType.label"], "String", claim);
  }
});

test("the user profile declares district_code and school_code, editable by admins only", () => {
  const profile = JSON.parse(
    realm.components["org.keycloak.userprofile.UserProfileProvider"][0].config["kc.user.profile.config"][0],
  );
  for (const name of ["district_code", "school_code"]) {
    const a = profile.attributes.find((x) => x.name === name);
    assert.ok(a, name);
    assert.deepEqual(a.permissions.edit, ["admin"], name);
  }
});

test("the production realm has no people and no passwords", () => {
  assert.ok(realm.users.every((u) => u.serviceAccountClientId && !u.credentials), "only service accounts");
  assert.doesNotMatch(JSON.stringify(realm), /"(secret|password|value)"\s*:/);
});
