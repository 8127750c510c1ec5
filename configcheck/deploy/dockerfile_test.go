package deploy

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

func TestParseDockerfileFixtures(t *testing.T) {
	const official = "testdata/docker/Dockerfile"
	const ruoyi = "testdata/docker/ruoyi.Dockerfile"
	script := at(ruoyi, 23, 3)
	tests := []struct {
		file string
		want Container
	}{
		{official, Container{
			File: official, Kind: KindDockerfile,
			Image: "powerjob/powerjob-server:5.1.0", ImagePos: at(official, 2, 6),
			Env: []EnvVar{
				{Name: "TZ", Value: "Asia/Shanghai", Pos: at(official, 6, 5)},
				{Name: "JVMOPTIONS", Value: "-Xms512m -Xmx512m -Duser.timezone=GMT+08", Pos: at(official, 7, 5)},
				{Name: "PARAMS", Value: "--spring.profiles.active=product --oms.mongodb.enable=false", Pos: at(official, 9, 5)},
			},
		}},
		{ruoyi, Container{
			File: ruoyi, Kind: KindDockerfile,
			Image: "eclipse-temurin:8-jre", ImagePos: at(ruoyi, 10, 6),
			Env: []EnvVar{
				{Name: "APP_HOME", Value: "/opt/ruoyi", Pos: at(ruoyi, 11, 5)},
				{Name: "PARAMS", Value: "", Pos: at(ruoyi, 12, 5)},
				{Name: "JAVA_OPTS", Value: "-Xms256m -Xmx512m", Pos: at(ruoyi, 13, 5)},
				{Name: "LOG_DIR", Value: "/opt/ruoyi/logs", Pos: at(ruoyi, 21, 5)},
			},
			Args: []Arg{
				{Text: "sh", Pos: at(ruoyi, 22, 13)}, {Text: "-c", Pos: at(ruoyi, 22, 19)},
				{Text: "java", Pos: script}, {Text: "$JAVA_OPTS", Pos: script}, {Text: "-jar", Pos: script},
				{Text: "/opt/ruoyi/app.jar", Pos: script}, {Text: "$PARAMS", Pos: script},
				{Text: "--server.port=7700", Pos: at(ruoyi, 24, 6)},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			cs, err := ParseDockerfile(tt.file, readFixture(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "containers", launchlessAll(cs), []Container{tt.want})
		})
	}
}

func TestParseDockerfileShapes(t *testing.T) {
	const f = "Dockerfile"
	tests := []struct {
		name string
		src  string
		want Container
	}{
		{
			name: "global ARG without default makes the tag unknown; --platform skipped",
			src:  "ARG TAG\nFROM --platform=linux/amd64 powerjob/powerjob-server:${TAG}\n",
			want: Container{File: f, Kind: KindDockerfile, Image: "powerjob/powerjob-server:${TAG}", ImagePos: at(f, 2, 29), ImageUnknown: true},
		},
		{
			name: "ARG default with $VAR form and stage name",
			src:  "ARG V=5.1.2\nFROM powerjob/powerjob-server:$V as server\n",
			want: Container{File: f, Kind: KindDockerfile, Name: "server", Image: "powerjob/powerjob-server:5.1.2", ImagePos: at(f, 2, 6)},
		},
		{
			name: "legacy ENV and shell-form CMD with word columns",
			src:  "FROM a\nENV PARAMS --oms.auth.openapi.enable=true --x=1\nCMD java -jar app.jar  --y='a b'\n",
			want: Container{File: f, Kind: KindDockerfile, Image: "a", ImagePos: at(f, 1, 6),
				Env: []EnvVar{{Name: "PARAMS", Value: "--oms.auth.openapi.enable=true --x=1", Pos: at(f, 2, 5)}},
				Args: []Arg{{Text: "java", Pos: at(f, 3, 5)}, {Text: "-jar", Pos: at(f, 3, 10)},
					{Text: "app.jar", Pos: at(f, 3, 15)}, {Text: "--y=a b", Pos: at(f, 3, 24)}}},
		},
		{
			name: "escape directive with backtick continuation",
			src:  "# escape=`\nFROM mcr.microsoft.com/windows/servercore\nENV A=C:\\tools `\n    B=2\n",
			want: Container{File: f, Kind: KindDockerfile, Image: "mcr.microsoft.com/windows/servercore", ImagePos: at(f, 2, 6),
				Env: []EnvVar{{Name: "A", Value: `C:\tools`, Pos: at(f, 3, 5)}, {Name: "B", Value: "2", Pos: at(f, 4, 5)}}},
		},
		{
			name: "shell-form ENTRYPOINT ignores CMD; ENV sees earlier instructions; quotes keep $",
			src:  "FROM a\nENV X=1\nENV X=2 Y='$X' Z=\"$X-2\" W=\\$X\nCMD [\"--ignored\"]\nENTRYPOINT exec java $JAVA_OPTS -jar /app.jar\n",
			want: Container{File: f, Kind: KindDockerfile, Image: "a", ImagePos: at(f, 1, 6),
				Env: []EnvVar{{Name: "X", Value: "1", Pos: at(f, 2, 5)}, {Name: "X", Value: "2", Pos: at(f, 3, 5)},
					{Name: "Y", Value: "$X", Pos: at(f, 3, 9)}, {Name: "Z", Value: "1-2", Pos: at(f, 3, 16)}, {Name: "W", Value: "$X", Pos: at(f, 3, 25)}},
				Args: []Arg{{Text: "exec", Pos: at(f, 5, 12)}, {Text: "java", Pos: at(f, 5, 17)}, {Text: "$JAVA_OPTS", Pos: at(f, 5, 22)},
					{Text: "-jar", Pos: at(f, 5, 33)}, {Text: "/app.jar", Pos: at(f, 5, 38)}}},
		},
		{
			name: "invalid JSON falls back to shell form; CRLF",
			src:  "FROM a\r\nCMD [\"java\", \"-jar\",]\r\n",
			want: Container{File: f, Kind: KindDockerfile, Image: "a", ImagePos: at(f, 1, 6),
				Args: []Arg{{Text: "[java,", Pos: at(f, 2, 5)}, {Text: "-jar,]", Pos: at(f, 2, 14)}}},
		},
		{
			name: "ENTRYPOINT in a derived stage resets the inherited CMD",
			src:  "FROM a AS base\nCMD [\"--from-base\"]\nFROM base\nENTRYPOINT [\"java\"]\n",
			want: Container{File: f, Kind: KindDockerfile, Image: "a", ImagePos: at(f, 1, 6),
				Args: []Arg{{Text: "java", Pos: at(f, 4, 13)}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := ParseDockerfile(f, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "containers", launchlessAll(cs), []Container{tt.want})
		})
	}
}

func TestParseDockerfileBadInput(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		wantLine int // 0: (nil, nil) expected
	}{
		{"merge conflict", "FROM a\n<<<<<<< HEAD\nENV A=1\n=======\nENV A=2\n>>>>>>> feature\n", 2},
		{"no FROM", "# base image comes from CI\nENV A=1\n", 2},
		{"empty", "", 0},
		{"comments only", "# TODO\n\n", 0},
		{"unterminated heredoc", "FROM a\nRUN <<EOF\necho hi\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := ParseDockerfile("svc/Dockerfile", []byte(tt.src))
			if tt.wantLine == 0 {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("got (%v, %v), want *source.Error", cs, err)
			}
			if se.Pos.File != "svc/Dockerfile" || se.Pos.Line != tt.wantLine || se.Pos.Col != 1 {
				t.Errorf("error at %v, want line %d col 1", se.Pos, tt.wantLine)
			}
		})
	}
}

func TestParseDockerfileBounded(t *testing.T) {
	huge := "FROM a\nENV " + strings.Repeat("A=b \\\n", 100000) + "\n"
	cs, err := ParseDockerfile("Dockerfile", []byte(huge))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cs[0].Env); n != 100000 {
		t.Errorf("got %d env entries, want 100000", n)
	}
	// Every stage derives from the previous one and copies its variables.
	chain := "FROM a AS s0\nENV " + strings.Repeat("A=b ", 20000) + "\n"
	for i := 1; i <= 200; i++ {
		chain += "FROM s" + strconv.Itoa(i-1) + " AS s" + strconv.Itoa(i) + "\n"
	}
	_, err = ParseDockerfile("Dockerfile", []byte(chain))
	if err == nil || !strings.Contains(err.Error(), "too large to evaluate") {
		t.Errorf("stage chain: got %v, want a too-large error", err)
	}
	tooBig := make([]byte, maxInputSize+1)
	if _, err := ParseDockerfile("Dockerfile", tooBig); err == nil {
		t.Error("no error for a file over the size limit")
	}
}
