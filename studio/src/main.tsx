import { render } from "preact";
import { App } from "./components/App";
import { authProblem, startAuth } from "./auth";
import { syncRoute } from "./router";
import "./studio.css";

// Login state first (a redirect back from Keycloak is finished here), then the first screen.
startAuth()
  .catch((e: unknown) => {
    authProblem.value = e instanceof Error ? e.message : String(e);
  })
  .finally(() => {
    syncRoute();
    const root = document.getElementById("app")!;
    root.textContent = ""; // the "loading" line index.html shows until the script runs
    render(<App />, root);
    performance.mark("studio-interactive");
  });
