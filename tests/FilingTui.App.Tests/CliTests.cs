using System.Text.Json.Nodes;

namespace FilingTui.App.Tests;

public sealed class CliTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Importing_the_samples_twice_reports_three_duplicates_and_list_still_shows_three()
    {
        var first = Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples);
        first.Code.Should().Be(0);
        first.Out.Should().Contain("3 imported, 0 duplicates, 0 failed");
        var second = Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples);
        second.Code.Should().Be(0);
        second.Out.Should().Contain("0 imported, 3 duplicates, 0 failed");
        var list = Run.Cli("list", "--db", _tmp.DbPath, "--json");
        var rows = JsonNode.Parse(list.Out)!.AsArray();
        rows.Select(r => r!["date"]!.GetValue<string>()).Should().Equal("2011-01-27", "2005-11-03", "2003-05-08");

        var newest = Run.Cli("list", "--db", _tmp.DbPath, "--json", "--limit", "2");
        JsonNode.Parse(newest.Out)!.AsArray().Select(r => r!["date"]!.GetValue<string>()).Should().Equal("2011-01-27", "2005-11-03");
        Run.Cli("list", "--db", _tmp.DbPath, "--limit", "1").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain("2011-01-27");
        Run.Cli("list", "--db", _tmp.DbPath, "--limit", "9").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3);
        var zero = Run.Cli("list", "--db", _tmp.DbPath, "--limit", "0");
        zero.Code.Should().Be(2);
        zero.Err.Should().Contain("--limit must be at least 1, not 0.");
    }

    [Fact]
    public void Without_a_terminal_the_view_refuses_plainly_whether_or_not_the_command_tree_was_built()
    {
        // No arguments and "--db FILE" start the view without System.CommandLine; "--db=FILE" goes through it.
        foreach (var args in new[] { new[] { "--db", _tmp.DbPath }, [$"--db={_tmp.DbPath}"] })
        {
            var r = Run.Cli(args);
            r.Code.Should().Be(2);
            r.Err.Should().Contain("the interactive view needs a terminal");
        }

        var missing = Run.Cli("--db");
        missing.Code.Should().Be(2, "a --db without its file is a usage error, not a store named \"\"");
        missing.Err.Should().Contain("Try 'filingtui --help'.");
        File.Exists(_tmp.DbPath).Should().BeFalse("refusing opens no store");
    }

    [Fact]
    public void Empty_binary_and_missing_files_each_get_a_sentence_and_exit_1_leaving_the_store_unchanged()
    {
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples).Code.Should().Be(0);
        var empty = Path.Combine(_tmp.Dir, "empty.txt");
        File.WriteAllBytes(empty, []);
        var binary = Path.Combine(_tmp.Dir, "image.bin");
        var bytes = new byte[8000];
        new Random(1).NextBytes(bytes);
        File.WriteAllBytes(binary, bytes);
        var missing = Path.Combine(_tmp.Dir, "nope.txt");

        var r = Run.Cli("import", "--db", _tmp.DbPath, empty, binary, missing);
        r.Code.Should().Be(1);
        var errors = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errors.Should().Contain($"{empty}: the file is empty.");
        errors.Should().Contain(e => e.StartsWith($"{binary}: it is binary data, not text", StringComparison.Ordinal));
        errors.Should().Contain($"{missing}: no such file or folder.");
        JsonNode.Parse(Run.Cli("list", "--db", _tmp.DbPath, "--json").Out)!.AsArray().Should().HaveCount(3);
    }

    [Fact]
    public void Show_by_quarter_prints_the_golden_schema()
    {
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples);
        var r = Run.Cli("show", "--db", _tmp.DbPath, "Q1 FY2006", "--json");
        r.Code.Should().Be(0);
        var json = JsonNode.Parse(r.Out)!;
        json["schema"]!.GetValue<string>().Should().Be("filingtui.filing/1");
        json["period"]!["end"]!.GetValue<string>().Should().Be("2005-09-30");
        var ops = json["statements"]!.AsArray().Single(s => s!["kind"]!.GetValue<string>() == "operations")!;
        ops["rows"]!.AsArray().Single(x => x!["label"]!.GetValue<string>() == "Total revenues")!["values"]!.ToJsonString().Should().Be("[7778,9007]");
    }

    [Fact]
    public void Lookup_answers_what_was_an_item_in_a_quarter()
    {
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples);
        var r = Run.Cli("lookup", "--db", _tmp.DbPath, "total revenues", "--period", "FY2006Q1");
        r.Code.Should().Be(0);
        r.Out.Should().Contain("Total revenues: 7,778 ($ thousands) for 3M ended 2005-09-30 Q1 FY2006");
    }

    [Fact]
    public void Lookup_narrows_to_a_company_and_says_when_it_shows_only_the_newest()
    {
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples);
        var all = Run.Cli("lookup", "--db", _tmp.DbPath, "revenue", "--company", "IMGN");
        all.Code.Should().Be(0);
        all.Err.Should().BeEmpty();
        var lines = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(10).And.AllSatisfy(l => l.Should().StartWith("Total revenues: ").And.Contain("(ImmunoGen, Inc., "));

        var newest = Run.Cli("lookup", "--db", _tmp.DbPath, "revenue", "--limit", "2");
        newest.Code.Should().Be(0);
        newest.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2).And.AllSatisfy(l => l.Should().Contain("2011-01-27)"));
        newest.Err.Should().Be("filingtui: the 2 values of the newest filings are shown and more are stored; narrow with --period or --company, or raise --limit.\n");
        Run.Cli("lookup", "--db", _tmp.DbPath, "revenue", "--limit", "10").Err.Should().BeEmpty("the samples hold exactly 10 values");

        var nobody = Run.Cli("lookup", "--db", _tmp.DbPath, "revenue", "--company", "Genentech");
        nobody.Code.Should().Be(1);
        nobody.Err.Should().Be("filingtui: no stored company matches \"Genentech\".\n");
        Run.Cli("lookup", "--db", _tmp.DbPath, "revenue", "--limit", "0").Code.Should().Be(2);
    }

    [Fact]
    public void Parse_prints_json_without_storing_and_usage_errors_exit_2()
    {
        var r = Run.Cli("parse", Path.Combine(TempStore.Samples, "immunogen-2010-12-31-release.txt"), "--json");
        r.Code.Should().Be(0);
        JsonNode.Parse(r.Out)!["release"]!["date"]!.GetValue<string>().Should().Be("2011-01-27");
        File.Exists(_tmp.DbPath).Should().BeFalse();
        Run.Cli("frobnicate").Code.Should().Be(2);
        Run.Cli("show", "--db", _tmp.DbPath, "not-a-quarter").Code.Should().Be(2);
    }

    [Fact]
    public void Search_with_broken_syntax_is_a_plain_message()
    {
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples);
        var r = Run.Cli("search", "--db", _tmp.DbPath, "\"multiple");
        r.Code.Should().Be(2);
        r.Err.Should().Contain("is not valid search syntax");
        Run.Cli("search", "--db", _tmp.DbPath, "myeloma").Out.Should().Contain("ImmunoGen");
    }

    [Fact]
    public void Escape_sequences_in_a_filing_and_its_file_name_never_reach_the_terminal_from_any_command()
    {
        var dir = Path.Combine(_tmp.Dir, "planted");
        Directory.CreateDirectory(dir);
        var name = Path.Combine(dir, "a\u001b[31mb\nfake line.txt");
        File.WriteAllText(name, "Evil Corp Reports Fourth Quarter 2024 Results\n\nNEW YORK, Feb. 1, 2025 -- Evil\u001b]52;c;cHduZWQ=\u0007 Corp (NYSE: EVL) today reported pwned results.\n");
        File.WriteAllText(Path.Combine(dir, "b.html"), "<html><body><p>Bad&#x1b;]0;title&#7; Inc. Reports Third Quarter 2024 Results</p><p>Text with pwned&#x9b; in it.</p></body></html>");
        var outputs = new[]
        {
            Run.Cli("import", "--db", _tmp.DbPath, dir),
            Run.Cli("import", "--db", _tmp.DbPath, name),
            Run.Cli("list", "--db", _tmp.DbPath),
            Run.Cli("show", "--db", _tmp.DbPath, "1"),
            Run.Cli("show", "--db", _tmp.DbPath, "2"),
            Run.Cli("search", "--db", _tmp.DbPath, "pwned"),
            Run.Cli("parse", name),
            Run.Cli("parse", name + "\u0007missing"),
        };
        outputs[0].Out.Should().Contain("a␛[31mb␤fake line.txt", "the name is shown, its escape and line break as pictures");
        foreach (var (code, o, e) in outputs)
        {
            (o + e).Should().NotContain("\u001b").And.NotContain("\u0007").And.NotContain("\u009b");
            (o + e).Should().NotContain("   at ", "no command prints a stack trace");
        }

        outputs[0].Out.Split('\n').Should().NotContain(l => l.StartsWith("fake line", StringComparison.Ordinal), "a line break in a file name fakes no line of output");
    }

    [Theory]
    [InlineData("abc", "--limit takes a whole number, not \"abc\".")]
    [InlineData("1.5", "--limit takes a whole number, not \"1.5\".")]
    [InlineData("-2", "--limit must be at least 1, not -2.")]
    public void A_limit_that_is_no_count_is_a_usage_error_in_one_sentence(string limit, string sentence)
    {
        foreach (var command in new[] { "list", "lookup revenue" })
        {
            var r = Run.Cli([.. command.Split(' '), "--db", _tmp.DbPath, "--limit", limit]);
            r.Code.Should().Be(2);
            r.Err.Should().Contain(sentence).And.NotContain("Exception");
        }
    }

    [Theory]
    [InlineData("show", "9999Q4")]
    [InlineData("show", "FY9999Q4")]
    [InlineData("show", "Jan 0000")]
    [InlineData("lookup", "revenue", "--period", "9999Q4")]
    public void A_quarter_beyond_the_calendar_is_a_sentence_not_a_crash(params string[] args)
    {
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples).Code.Should().Be(0);
        var r = Run.Cli([.. args, "--db", _tmp.DbPath]);
        r.Code.Should().BeOneOf(1, 2);
        r.Err.Should().StartWith("filingtui: ").And.NotContain("Exception");
    }

    [Fact]
    public void A_label_a_spreadsheet_would_run_as_a_formula_is_exported_as_text()
    {
        var s = new FilingTui.Core.Model.Statement { Kind = FilingTui.Core.Model.StatementKind.Operations };
        s.Columns.Add(new FilingTui.Core.Model.StatementColumn(new DateOnly(2024, 12, 31), 3));
        s.Rows.Add(new FilingTui.Core.Model.StatementRow { Label = "=HYPERLINK(\"http://x\",\"click\")", Values = [-5m], RawValues = ["(5)"] });
        s.Rows.Add(new FilingTui.Core.Model.StatementRow { Label = "@SUM(A1)", Values = [1m], RawValues = ["1"] });
        var lines = Export.Csv(s).Split('\n');
        lines[1].Should().StartWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",").And.EndWith(",-5");
        lines[2].Should().StartWith("'@SUM(A1),");
    }

    [Fact]
    public void Pipes_devices_and_link_loops_are_refused_or_walked_once_and_nothing_waits()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var dir = Path.Combine(_tmp.Dir, "walk");
        var inner = Path.Combine(dir, "a");
        Directory.CreateDirectory(inner);
        var sample = Directory.GetFiles(TempStore.Samples).Order(StringComparer.Ordinal).First();
        File.Copy(sample, Path.Combine(inner, "release.txt"));
        System.Diagnostics.Process.Start("mkfifo", Path.Combine(inner, "pipe"))!.WaitForExit();
        Directory.CreateSymbolicLink(Path.Combine(inner, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(inner, "up2"), "..");
        File.CreateSymbolicLink(Path.Combine(dir, "zero"), "/dev/zero");

        var r = Run.Cli("import", "--db", _tmp.DbPath, dir);
        r.Code.Should().Be(1);
        r.Out.Should().Contain("1 imported, 0 duplicates, 2 failed", "the file is read once, though two links lead back to its folder");
        r.Err.Should().Contain("pipe: it is a named pipe, not a file").And.Contain("zero: it is a device, not a file");
        Run.Cli("parse", "/dev/zero").Err.Should().Contain("/dev/zero: it is a device, not a file");
        Run.Cli("parse", _tmp.Dir).Err.Should().Contain("a folder; parse reads one file");
    }

    [Fact]
    public void A_readme_and_notes_beside_the_filings_are_skipped_with_the_reason_and_never_stored()
    {
        var dir = _tmp.FolderWithSamples("folder");

        File.WriteAllText(Path.Combine(dir, "README.md"), "# Filings\n\nThe releases we follow, one file a quarter.\n");
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "remember to check the margins\n");
        var r = Run.Cli("import", "--db", _tmp.DbPath, dir);
        r.Code.Should().Be(0);
        r.Out.Should().Contain("3 imported, 0 duplicates, 2 skipped (no filing), 0 failed");
        r.Out.Should().Contain("skipped    " + Path.Combine(dir, "README.md") + ": it is no filing");
        Run.Cli("list", "--db", _tmp.DbPath).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3);
        Run.Scalar(_tmp.DbPath, "SELECT COUNT(*) FROM import_log WHERE outcome = 'skipped'").Should().Be("2");

        var named = Run.Cli("import", "--db", _tmp.DbPath, Path.Combine(dir, "notes.txt"));
        named.Out.Should().Contain("notes.txt: it is no filing", "naming the file gives the same reason");
    }

    [Fact]
    public void Reading_commands_make_no_store_where_there_is_none_and_an_empty_db_is_a_usage_error()
    {
        var nowhere = Path.Combine(_tmp.Dir, "not", "yet", "filings.db");
        foreach (var args in new[] { new[] { "list" }, ["search", "revenue"], ["lookup", "revenue"], ["show", "1"] })
        {
            var r = Run.Cli([.. args, "--db", nowhere]);
            r.Code.Should().Be(1);
            r.Err.Should().Contain($"there is no store at {nowhere} yet");
        }

        Directory.Exists(Path.Combine(_tmp.Dir, "not")).Should().BeFalse("no folder was made for it");
        var empty = Run.Cli("list", "--db", "");
        empty.Code.Should().Be(2);
        empty.Err.Should().Contain("--db needs a file name.");
    }
}
