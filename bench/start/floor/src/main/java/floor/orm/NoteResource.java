package floor.orm;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/notes")
public class NoteResource {
    @GET
    public long count() {
        return Note.count();
    }
}
