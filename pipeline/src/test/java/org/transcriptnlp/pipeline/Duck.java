package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;

/**
 * Reads the job's Iceberg tables with DuckDB (an independent reader) over exactly the data files of
 * each table's current snapshot (the tables are copy-on-write: those Parquet files hold exactly the
 * current rows). Only the list of files comes from Iceberg's Java API; DuckDB reads the files. One
 * view per table: answers, sentences, entities, turns, rejects, manifest, runs.
 */
public final class Duck implements AutoCloseable {
  private final Connection connection;

  public Duck(Path output) throws SQLException {
    this(output, "hadoop");
  }

  public Duck(Path output, String catalog) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    org.apache.iceberg.catalog.Catalog c =
        IcebergTables.catalog(output.toAbsolutePath().toString(), catalog);
    try (Statement s = connection.createStatement()) {
      for (Table t : Table.values()) {
        s.execute("CREATE OR REPLACE VIEW " + t.folder() + " AS " + select(c, t));
      }
    } finally {
      IcebergTables.close(c);
    }
  }

  /**
   * A SELECT of a table's current rows from its current snapshot's data files (no rows when it has
   * none).
   */
  static String select(org.apache.iceberg.catalog.Catalog catalog, Table t) {
    List<String> files =
        catalog.tableExists(IcebergTables.identifier(t))
            ? IcebergTables.currentFiles(catalog.loadTable(IcebergTables.identifier(t)))
            : List.of();
    if (files.isEmpty()) {
      // No data file: the table's columns, no row (DuckDB types from a row of NULLs cast to
      // nothing).
      return "SELECT * FROM (SELECT "
          + String.join(
              ", ", t.schema().getFields().stream().map(f -> "NULL AS " + f.name()).toList())
          + ") WHERE false";
    }
    return "SELECT * FROM read_parquet(["
        + String.join(
            ", ",
            files.stream()
                .map(f -> "'" + f.replaceFirst("^file:", "").replace("'", "''") + "'")
                .toList())
        + "])";
  }

  /** The statements of a SQL file: comment lines dropped, split at semicolons. */
  static List<String> statements(Path sql) throws IOException {
    String text =
        Files.readAllLines(sql).stream()
            .filter(l -> !l.strip().startsWith("--"))
            .collect(Collectors.joining("\n"));
    return Arrays.stream(text.split(";")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /**
   * Every row of a view as text, sorted, without the run_id column: two outputs hold the same rows
   * when these lists are equal, whichever runs wrote them.
   */
  List<String> rowsWithoutRun(String view) throws SQLException {
    return rows("SELECT * EXCLUDE (run_id) FROM " + view).stream()
        .map(Object::toString)
        .sorted()
        .toList();
  }

  /** The five tables of rows, by view name. */
  static final List<String> TABLES =
      List.of("answers", "sentences", "entities", "turns", "rejects");

  /**
   * Every current row of the five tables, without run ids: equal for two outputs holding the same
   * rows.
   */
  static Map<String, List<String>> currentRows(Path output) throws SQLException {
    Map<String, List<String>> rows = new TreeMap<>();
    try (Duck duck = new Duck(output)) {
      for (String t : TABLES) {
        rows.put(t, duck.rowsWithoutRun(t));
      }
    }
    return rows;
  }

  public long count(String sql) throws SQLException {
    return ((Number) one(sql)).longValue();
  }

  public Object one(String sql) throws SQLException {
    List<List<Object>> rows = rows(sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + " but got " + rows);
    }
    return rows.get(0).get(0);
  }

  public List<Object> column(String sql) throws SQLException {
    return rows(sql).stream().map(r -> r.get(0)).toList();
  }

  public List<List<Object>> rows(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
