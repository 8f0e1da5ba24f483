import { render } from "preact";
import { App } from "./components/App";
import { startAuth } from "./auth";
import { syncRoute } from "./router";
import "./studio.css";

// Login state first (a redirect back from Keycloak is finished here), then the first screen.
startAuth()
  .catch((e: unknown) => console.error("login could not start", e))
  .finally(() => {
    syncRoute();
    const root = document.getElementById("app")!;
    root.textContent = ""; // the "loading" line index.html shows until the script runs
    render(<App />, root);
    performance.mark("studio-interactive");
  });
