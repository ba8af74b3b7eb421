package org.transcriptnlp.pipeline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the job's Parquet tables with DuckDB (an independent reader), one view per table. */
final class Duck implements AutoCloseable {
  private final Connection connection;

  Duck(Path output) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    for (String table : List.of("answers", "sentences", "entities", "turns", "rejects")) {
      try (Statement s = connection.createStatement()) {
        s.execute(
            "CREATE VIEW " + table + " AS SELECT * FROM read_parquet('"
                + output.resolve(table).toAbsolutePath() + "/*.parquet')");
      }
    }
  }

  long count(String sql) throws SQLException {
    return ((Number) one(sql)).longValue();
  }

  Object one(String sql) throws SQLException {
    List<List<Object>> rows = rows(sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + " but got " + rows);
    }
    return rows.get(0).get(0);
  }

  List<Object> column(String sql) throws SQLException {
    return rows(sql).stream().map(r -> r.get(0)).toList();
  }

  List<List<Object>> rows(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
