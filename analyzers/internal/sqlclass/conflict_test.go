package sqlclass

import (
	"slices"
	"testing"
)

func TestConflictParams(t *testing.T) {
	tests := []struct {
		name string
		sql  string
		want []int
	}{
		{"one key column", `INSERT INTO notices (notice_id, recipient) VALUES ($1, $2) ON CONFLICT (notice_id) DO NOTHING`, []int{1}},
		{"composite key, qualified table", `INSERT INTO app.outbox (shard, topic, body, msg_id) VALUES ($1, $2, $3, $4) ON CONFLICT (shard, msg_id) DO NOTHING`, []int{1, 4}},
		{"question-mark placeholders count by position", `INSERT INTO t (a, b, c) VALUES (?, now(), ?) ON CONFLICT (c) DO UPDATE SET a = excluded.a`, []int{2}},
		{"quoted column names", `INSERT INTO "events" ("id", "body") VALUES ($2, $1) ON CONFLICT ("id") DO NOTHING`, []int{2}},
		{"key value not a parameter", `INSERT INTO t (id, n) VALUES (gen_random_uuid(), $1) ON CONFLICT (id) DO NOTHING`, nil},
		{"no conflict target", `INSERT INTO t (id) VALUES ($1) ON CONFLICT DO NOTHING`, nil},
		{"conflict on a constraint", `INSERT INTO t (id) VALUES ($1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING`, nil},
		{"insert from a select", `INSERT INTO t (id) SELECT id FROM u ON CONFLICT (id) DO NOTHING`, nil},
		{"no column list", `INSERT INTO t VALUES ($1) ON CONFLICT (id) DO NOTHING`, nil},
		{"column and value counts differ", `INSERT INTO t (a, b) VALUES ($1) ON CONFLICT (a) DO NOTHING`, nil},
		{"plain insert", `INSERT INTO t (id) VALUES ($1)`, nil},
		{"two statements", `INSERT INTO t (id) VALUES ($1) ON CONFLICT (id) DO NOTHING; SELECT 1`, nil},
		{"unterminated", `INSERT INTO t (id) VALUES ($1) ON CONFLICT (id`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ConflictParams(tt.sql); !slices.Equal(got, tt.want) {
				t.Errorf("ConflictParams(%q) = %v, want %v", tt.sql, got, tt.want)
			}
		})
	}
}

func FuzzConflictParams(f *testing.F) {
	for _, s := range []string{
		`INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT (b) DO NOTHING`,
		`INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = excluded.a`,
		`INSERT INTO t (a) VALUES ($x) ON CONFLICT (a`,
		`INSERT INTO (`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		for _, n := range ConflictParams(sql) {
			if n < 1 {
				t.Errorf("parameter number %d < 1 for %q", n, sql)
			}
		}
	})
}
