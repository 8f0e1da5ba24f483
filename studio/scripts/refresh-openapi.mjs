// Replaces the committed snapshot of the merged OpenAPI document with a running gateway's:
//   npm run openapi:refresh -- http://localhost:8080
// Studio's typed client is generated from the snapshot, so builds need no running stack; e2e's OpenApiContractIT
// fails when the snapshot and the live document differ, which is when to run this (and fix what no longer compiles).
import { writeFileSync } from "node:fs";

const gateway = process.argv[2] ?? "http://localhost:8080";
const response = await fetch(`${gateway}/q/openapi?format=json`);
if (!response.ok) {
  console.error(`${gateway}/q/openapi answered ${response.status}`);
  process.exit(1);
}
writeFileSync("openapi/spaces-openapi.json", JSON.stringify(await response.json(), null, 2) + "\n");
console.log(`openapi/spaces-openapi.json ← ${gateway}/q/openapi`);
