// The realm export carries what the suite needs (roles, clients, claims) and nothing secret.
// deploy/keycloak/keycloak.sh verify proves it imports into a real Keycloak and issues tokens.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const realm = JSON.parse(readFileSync(new URL("../../../keycloak/edu-realm.json", import.meta.url), "utf8"));
const client = (id) => realm.clients.find((c) => c.clientId === id);
const mapperClaims = (c) => (c.protocolMappers ?? []).map((m) => m.config["claim.name"] ?? m.config["included.custom.audience"]);

test("realm edu declares the five roles the services check", () => {
  assert.equal(realm.realm, "edu");
  assert.deepEqual(
    realm.roles.realm.map((r) => r.name).sort(),
    ["auditor", "city-admin", "data-reporter", "district-reviewer", "school-applicant"],
  );
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
