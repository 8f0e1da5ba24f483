import { render } from "preact";
import { App } from "./components/App";
import { startAuth } from "./auth";
import "./studio.css";

// Login state first (a redirect back from Keycloak is finished here), then the first screen.
startAuth()
  .catch((e: unknown) => console.error("login could not start", e))
  .finally(() => {
    render(<App />, document.getElementById("app")!);
    performance.mark("studio-interactive");
  });
