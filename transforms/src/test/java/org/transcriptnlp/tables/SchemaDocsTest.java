package org.transcriptnlp.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.testing.Fixtures;

class SchemaDocsTest {
  @Test
  void everyTableAndColumnIsDocumented() {
    for (Table table : Table.values()) {
      Schema s = table.schema();
      assertNotNull(s.getDoc(), table.folder());
      for (Schema.Field f : s.getFields()) {
        assertTrue(
            f.doc() != null && !f.doc().isBlank(), table.folder() + "." + f.name() + " has no doc");
      }
    }
  }

  @Test
  void committedTableDocsMatchTheSchemas() throws Exception {
    Path committed = Fixtures.path("schemas/README.md");
    String expected = SchemaDocs.markdown();
    if (Boolean.getBoolean("schemas.update")) {
      Files.writeString(committed, expected, StandardCharsets.UTF_8);
    }
    assertEquals(
        expected,
        Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "",
        "schemas/README.md is stale: run mvn -pl transforms test -Dtest=SchemaDocsTest"
            + " -Dschemas.update=true");
  }
}
