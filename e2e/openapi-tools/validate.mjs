// Validates each OpenAPI document named on the command line against the official OpenAPI schema of its version
// (3.1 for ours) with @apidevtools/swagger-parser, which checks the document against the OpenAPI Initiative's JSON
// Schema and then resolves every $ref. Prints one line per document; exits 1 if any is invalid.
import SwaggerParser from "@apidevtools/swagger-parser";

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const api = await SwaggerParser.validate(file);
    console.log(`valid: ${file} (OpenAPI ${api.openapi}, ${Object.keys(api.paths ?? {}).length} paths)`);
  } catch (e) {
    failed++;
    console.log(`INVALID: ${file}\n${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
