package sqlclass

import (
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name  string
		sql   string
		stmt  string
		table string
		nonID bool
	}{
		// INSERT: a new row on every run.
		{"plain insert", "INSERT INTO orders (id, amount) VALUES ($1, $2)", "INSERT", "orders", true},
		{"lower case", "insert into payments(id) values (?)", "INSERT", "payments", true},
		{"schema-qualified", `INSERT INTO billing.invoices (id) VALUES ($1)`, "INSERT", "billing.invoices", true},
		{"quoted table", `INSERT INTO "Order Items" ("id") VALUES ($1)`, "INSERT", "Order Items", true},
		{"backquoted table", "INSERT INTO `audit_log` (msg) VALUES (?)", "INSERT", "audit_log", true},
		{"returning", "INSERT INTO jobs (name) VALUES ($1) RETURNING id", "INSERT", "jobs", true},
		{"insert select", "INSERT INTO archive SELECT * FROM orders WHERE created < $1", "INSERT", "archive", true},
		{"leading comment", "-- create the order\nINSERT INTO orders (id) VALUES ($1)", "INSERT", "orders", true},
		{"block comment", "/* svc:orders */ INSERT INTO orders (id) VALUES ($1)", "INSERT", "orders", true},
		{"leading whitespace", "\n\t  INSERT INTO orders (id) VALUES ($1)", "INSERT", "orders", true},
		{"on conflict text in a string", "INSERT INTO notes (body) VALUES ('ON CONFLICT DO NOTHING')", "INSERT", "notes", true},
		{"on conflict in a comment", "INSERT INTO notes (body) VALUES ($1) -- ON CONFLICT DO NOTHING", "INSERT", "notes", true},
		{"named params", "INSERT INTO users (email) VALUES (:email)", "INSERT", "users", true},
		// Upserts and guarded inserts.
		{"on conflict do nothing", "INSERT INTO orders (id) VALUES ($1) ON CONFLICT DO NOTHING", "INSERT", "orders", false},
		{"on conflict target do nothing", "INSERT INTO orders (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", "INSERT", "orders", false},
		{"on conflict absolute update", "INSERT INTO users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name", "INSERT", "users", false},
		{"on conflict counter", "INSERT INTO stats AS t (k, n) VALUES ($1, 1) ON CONFLICT (k) DO UPDATE SET n = t.n + 1", "INSERT", "stats", true},
		{"on conflict counter excluded", "INSERT INTO stats (k, n) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET n = stats.n + EXCLUDED.n", "INSERT", "stats", true},
		{"on duplicate key", "INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)", "INSERT", "users", false},
		{"on duplicate key counter", "INSERT INTO hits (page, n) VALUES (?, 1) ON DUPLICATE KEY UPDATE n = n + 1", "INSERT", "hits", true},
		{"insert ignore", "INSERT IGNORE INTO users (id) VALUES (?)", "INSERT", "users", false},
		{"insert or ignore", "INSERT OR IGNORE INTO users (id) VALUES (?)", "INSERT", "users", false},
		{"insert or replace", "INSERT OR REPLACE INTO users (id) VALUES (?)", "INSERT", "users", false},
		{"not exists", "INSERT INTO users (id) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM users WHERE id = $1)", "INSERT", "users", false},
		{"replace into", "REPLACE INTO users (id, name) VALUES (?, ?)", "REPLACE", "users", false},
		{"cockroach upsert", "UPSERT INTO users (id, name) VALUES ($1, $2)", "UPSERT", "users", false},
		{"merge", "MERGE INTO stock s USING incoming i ON s.sku = i.sku WHEN MATCHED THEN UPDATE SET qty = i.qty WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (i.sku, i.qty)", "MERGE", "stock", false},
		{"merge counter", "MERGE INTO stock s USING incoming i ON s.sku = i.sku WHEN MATCHED THEN UPDATE SET qty = s.qty + i.qty", "MERGE", "stock", true},
		// UPDATE.
		{"absolute update", "UPDATE orders SET status = $1 WHERE id = $2", "UPDATE", "orders", false},
		{"absolute several", "UPDATE orders SET status = 'paid', paid_at = now() WHERE id = $1", "UPDATE", "orders", false},
		{"counter", "UPDATE accounts SET balance = balance + $1 WHERE id = $2", "UPDATE", "accounts", true},
		{"decrement", "UPDATE stock SET qty = qty - 1 WHERE sku = $1", "UPDATE", "stock", true},
		{"qualified", "UPDATE accounts a SET balance = a.balance - $1 WHERE a.id = $2", "UPDATE", "accounts", true},
		{"quoted column", `UPDATE "accounts" SET "balance" = "balance" + $1 WHERE id = $2`, "UPDATE", "accounts", true},
		{"concat", "UPDATE notes SET body = body || $1 WHERE id = $2", "UPDATE", "notes", true},
		{"array append", "UPDATE users SET tags = array_append(tags, $1) WHERE id = $2", "UPDATE", "users", true},
		{"coalesce counter", "UPDATE users SET logins = COALESCE(logins, 0) + 1 WHERE id = $1", "UPDATE", "users", true},
		{"second assignment counter", "UPDATE users SET seen_at = now(), visits = visits + 1 WHERE id = $1", "UPDATE", "users", true},
		{"other column arithmetic", "UPDATE orders SET total = subtotal + tax WHERE id = $1", "UPDATE", "orders", false},
		{"negative literal", "UPDATE accounts SET balance = -1 WHERE id = $1", "UPDATE", "accounts", false},
		{"greatest", "UPDATE jobs SET attempts = GREATEST(attempts, $1) WHERE id = $2", "UPDATE", "jobs", false},
		{"array remove", "UPDATE users SET tags = array_remove(tags, $1) WHERE id = $2", "UPDATE", "users", false},
		{"version cas", "UPDATE accounts SET balance = balance - $1, version = version + 1 WHERE id = $2 AND version = $3", "UPDATE", "accounts", false},
		{"update only", "UPDATE ONLY orders SET n = n + 1", "UPDATE", "orders", true},
		// Reads, deletes, DDL.
		{"delete", "DELETE FROM sessions WHERE id = $1", "DELETE", "sessions", false},
		{"select", "SELECT id FROM orders WHERE id = $1", "SELECT", "", false},
		{"select for update", "SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", "SELECT", "", false},
		{"create if not exists", "CREATE TABLE IF NOT EXISTS t (id int)", "CREATE", "", false},
		{"create", "CREATE TABLE t (id int)", "CREATE", "", false},
		{"nextval", "SELECT nextval('order_seq')", "SELECT", "", true},
		{"insert nextval", "INSERT INTO orders (id) VALUES (nextval('order_seq')) ON CONFLICT DO NOTHING", "INSERT", "orders", true},
		// CTEs.
		{"cte insert", "WITH src AS (SELECT $1 AS id) INSERT INTO orders (id) SELECT id FROM src", "INSERT", "orders", true},
		{"cte upsert", "WITH src AS (SELECT $1 AS id) INSERT INTO orders (id) SELECT id FROM src ON CONFLICT DO NOTHING", "INSERT", "orders", false},
		{"data-modifying cte", "WITH ins AS (INSERT INTO events (k) VALUES ($1) RETURNING id) SELECT id FROM ins", "INSERT", "events", true},
		{"recursive cte select", "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t WHERE n < 5) SELECT n FROM t", "SELECT", "", false},
		// Several statements.
		{"multi any", "UPDATE orders SET status = $1 WHERE id = $2; INSERT INTO order_events (order_id) VALUES ($2)", "INSERT", "order_events", true},
		{"multi safe", "DELETE FROM carts WHERE id = $1; UPDATE users SET cart_id = NULL WHERE id = $2;", "DELETE", "carts", false},
		{"semicolon in string", "UPDATE t SET s = 'a;INSERT INTO x VALUES (1)' WHERE id = 1", "UPDATE", "t", false},
		// Not understood.
		{"empty", "", "", "", false},
		{"comment only", "-- nothing", "", "", false},
		{"call", "CALL create_order($1)", "", "", false},
		{"garbage", "))) ;; '", "", "", false},
		{"dollar quoted", "DO $$ BEGIN INSERT INTO t VALUES (1); END $$", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Classify(tc.sql)
			if r.Stmt != tc.stmt || r.Table != tc.table || r.NonIdempotent != tc.nonID {
				t.Errorf("Classify(%q) = %+v, want Stmt %q Table %q NonIdempotent %v", tc.sql, r, tc.stmt, tc.table, tc.nonID)
			}
			if r.Stmt != "" && r.Reason == "" {
				t.Errorf("Classify(%q): a verdict without a reason", tc.sql)
			}
		})
	}
}

func TestClassifyTooLong(t *testing.T) {
	r := Classify("INSERT INTO t VALUES (1)" + strings.Repeat(" ", MaxLen))
	if r.Stmt != "" || r.NonIdempotent {
		t.Errorf("over-long text classified: %+v", r)
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"INSERT INTO orders (id) VALUES ($1)",
		"UPDATE a SET n = n + 1 WHERE id = $1",
		"WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x ON CONFLICT DO NOTHING",
		"/* c */ -- d\nMERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET n = t.n + s.n",
		"$tag$ unterminated",
		"'unterminated",
		"WITH RECURSIVE",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		r := Classify(sql)
		if r.NonIdempotent && r.Stmt == "" {
			t.Errorf("non-idempotent verdict without a statement kind for %q", sql)
		}
		if r.Stmt != "" && r.Reason == "" {
			t.Errorf("verdict without a reason for %q", sql)
		}
		// Surrounding whitespace and comments never change the verdict.
		if len(sql) < MaxLen/2 {
			r2 := Classify("/* x */ " + sql + "\n")
			if !strings.Contains(sql, "--") && !strings.Contains(sql, "/*") && !strings.Contains(sql, "#") &&
				!strings.ContainsAny(sql, "'\"`$") && r2.NonIdempotent != r.NonIdempotent {
				t.Errorf("comment changed the verdict for %q: %+v vs %+v", sql, r, r2)
			}
		}
	})
}
