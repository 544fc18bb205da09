using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilingTui.Core.Import;
using FilingTui.Core.Model;
using FilingTui.Data;

namespace FilingTui.App;

/// <summary>The command line of DESIGN.md: exit 0 success, 1 some input failed, 2 usage error.</summary>
public static class Cli
{
    /// <summary>Made when a command first prints JSON, not at every start: the interactive view never needs it.</summary>
    private static JsonSerializerOptions Indented => field ??= new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] args)
    {
        // Most starts open the interactive view: with no arguments, or only --db FILE, it starts without building the
        // command tree (System.CommandLine's set-up and parse were 25 ms of every start). Anything else is parsed.
        if (args.Length == 0 || (args is ["--db", var dbFile] && !dbFile.StartsWith('-') && !dbFile.StartsWith('@')))
        {
            return Tui.MainScreen.RefuseWithoutTerminal() ?? WithStore(args.Length == 2 ? args[1] : null, Tui.MainScreen.Run);
        }

        // Everything a command prints (data, file names, messages) is shown without control characters.
        Console.SetOut(new PrintableWriter(Console.Out));
        Console.SetError(new PrintableWriter(Console.Error));

        var db = new Option<string?>("--db") { Description = "The store file (default: $FILINGTUI_DB, else the user's data folder)", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print JSON (schema filingtui.filing/1 for show and parse)" };
        var root = new RootCommand("FilingTui: read quarterly earnings releases in a terminal.");
        root.Options.Add(db);
        root.SetAction(pr => Tui.MainScreen.RefuseWithoutTerminal() ?? WithStore(pr.GetValue(db), Tui.MainScreen.Run));

        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to import", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "Import filings from files or folders") { paths };
        import.SetAction(pr => WithStore(pr.GetValue(db), store => Import(store, pr.GetValue(paths)!)));

        var listLimit = new Option<int?>("--limit")
        {
            Description = "At most this many filings, the newest (default: all)",
            CustomParser = r => WholeNumberAtLeastOne(r),
        };
        var list = new Command("list", "List stored filings, newest first") { json, listLimit };
        list.SetAction(pr => WithStore(pr.GetValue(db), store => List(store, pr.GetValue(json), pr.GetValue(listLimit)), mustExist: true));

        var which = new Argument<string>("ID|QUARTER") { Description = "A filing id or a quarter (" + QuarterSpec.Examples + ")" };
        var show = new Command("show", "Show one stored filing") { which, json };
        show.SetAction(pr => IsIdOrQuarter(pr.GetValue(which)!) ? WithStore(pr.GetValue(db), store => Show(store, pr.GetValue(which)!, pr.GetValue(json)), mustExist: true) : 2);

        var file = new Argument<string>("FILE") { Description = "The filing to parse" };
        var asText = new Option<bool>("--text") { Description = "Print the text the parser read (an EDGAR submission's or HTML file's documents as text), with line numbers" };
        var parse = new Command("parse", "Parse a file without storing it") { file, json, asText };
        parse.SetAction(pr => Parse(pr.GetValue(file)!, pr.GetValue(json), pr.GetValue(asText)));

        var item = new Argument<string>("ITEM") { Description = "A line item: its label (\"total revenues\") or concept (Revenues)" };
        var period = new Option<string?>("--period") { Description = "A quarter (" + QuarterSpec.Examples + ")" };
        var company = new Option<string?>("--company") { Description = "Only this company: its ticker, CIK or a part of its name" };
        var limit = new Option<int>("--limit") { Description = "At most this many values, the newest filings' (default 1000)", DefaultValueFactory = _ => 1000, CustomParser = r => WholeNumberAtLeastOne(r) ?? 1000 };
        var lookup = new Command("lookup", "Look up a line item's values across stored filings") { item, period, company, limit, json };
        lookup.SetAction(pr => WithStore(pr.GetValue(db), store => Lookup(store, pr.GetValue(item)!, pr.GetValue(period), pr.GetValue(company), pr.GetValue(limit), pr.GetValue(json)), mustExist: true));

        var query = new Argument<string>("QUERY") { Description = "Words or an FTS5 query" };
        var search = new Command("search", "Full-text search over every stored filing's sections") { query, json };
        search.SetAction(pr => WithStore(pr.GetValue(db), store => Search(store, pr.GetValue(query)!, pr.GetValue(json)), mustExist: true));

        root.Subcommands.Add(import);
        root.Subcommands.Add(list);
        root.Subcommands.Add(show);
        root.Subcommands.Add(parse);
        root.Subcommands.Add(lookup);
        root.Subcommands.Add(search);

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var e in result.Errors)
            {
                Console.Error.WriteLine($"filingtui: {e.Message}");
            }

            Console.Error.WriteLine("Try 'filingtui --help'.");
            return 2;
        }

        return result.Invoke();
    }

    /// <param name="mustExist">A command that only reads (list, show, lookup, search) makes no store where there is none.</param>
    private static int WithStore(string? option, Func<FilingStore, int> action, bool mustExist = false)
    {
        if (option is not null && string.IsNullOrWhiteSpace(option))
        {
            Console.Error.WriteLine("filingtui: --db needs a file name.");
            return 2;
        }

        var path = StorePath.Resolve(option);
        if (mustExist && !File.Exists(path))
        {
            Console.Error.WriteLine($"filingtui: there is no store at {Path.GetFullPath(path)} yet; import filings into it first ('filingtui import --db {Path.GetFullPath(path)} PATH').");
            return 1;
        }

        FilingStore? store = null;
        try
        {
            store = FilingStore.Open(path);
            return action(store);
        }
        catch (Exception ex) when ((store?.Explain(ex) ?? ex as StoreException) is StoreException problem)
        {
            // A damaged page or a lock met halfway through a command (or while the TUI reads its first page): a
            // sentence, not a stack trace.
            Console.Error.WriteLine($"filingtui: {problem.Message}");
            return 1;
        }
        finally
        {
            store?.Dispose();
        }
    }

    private static int Import(FilingStore store, string[] paths)
    {
        var (files, missing) = Importer.Expand(paths);
        var results = new List<ImportResult>();
        foreach (var m in missing)
        {
            results.Add(store.LogFailure(m.Path, m.Message!));
        }

        results.AddRange(Importer.ImportAll(store, files));

        foreach (var r in results.OrderBy(r => r.Outcome == ImportOutcome.Failed))
        {
            if (r.Outcome == ImportOutcome.Failed)
            {
                Console.Error.WriteLine(Importer.ErrorSentence(r));
            }
            else
            {
                Console.WriteLine(Importer.Describe(r));
            }
        }

        var imported = results.Count(r => r.Outcome == ImportOutcome.Imported);
        var duplicates = results.Count(r => r.Outcome == ImportOutcome.Duplicate);
        var failed = results.Count(r => r.Outcome == ImportOutcome.Failed);
        var skipped = results.Count(r => r.Outcome == ImportOutcome.Skipped);
        Console.WriteLine($"{imported} imported, {duplicates} duplicate{(duplicates == 1 ? "" : "s")}, {(skipped > 0 ? $"{skipped} skipped (no filing), " : "")}{failed} failed; the store holds {store.Count()} filing{(store.Count() == 1 ? "" : "s")} ({store.Path})");
        return failed > 0 ? 1 : 0;
    }

    /// <summary>A count option's value: a whole number of at least 1, else a sentence saying what was typed.</summary>
    private static int? WholeNumberAtLeastOne(System.CommandLine.Parsing.ArgumentResult r)
    {
        if (r.Tokens is not [var token])
        {
            return null;
        }

        if (!int.TryParse(token.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            r.AddError($"{OptionName(r)} takes a whole number, not \"{Printable.Line(token.Value)}\".");
            return null;
        }

        if (n < 1)
        {
            r.AddError($"{OptionName(r)} must be at least 1, not {n}.");
            return null;
        }

        return n;
    }

    private static string OptionName(System.CommandLine.Parsing.ArgumentResult r) =>
        r.Parent is System.CommandLine.Parsing.OptionResult o ? o.Option.Name : "the value";

    private static int List(FilingStore store, bool asJson, int? limit)
    {
        var all = new List<FilingSummary>();
        PageKey? key = null;
        // Paged by key and stopped at the limit: a million filings' list is 16 s of output, the newest 20 are instant.
        while (limit is not int n || all.Count < n)
        {
            var want = Math.Min(1000, (limit ?? int.MaxValue) - all.Count);
            var page = store.Page(key, want);
            all.AddRange(page);
            if (page.Count < want)
            {
                break;
            }

            key = new PageKey(page[^1].SortDate, page[^1].Id);
        }

        if (asJson)
        {
            var arr = new JsonArray([.. all.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id,
                ["company"] = s.Company,
                ["ticker"] = s.Ticker,
                ["form"] = s.Form,
                ["date"] = s.SortDate,
                ["periodEnd"] = s.PeriodEnd,
                ["fiscalYear"] = s.FiscalYear,
                ["fiscalQuarter"] = s.FiscalQuarter,
                ["status"] = s.Status,
                ["statusReason"] = s.StatusReason,
                ["title"] = s.ReleaseTitle,
                ["path"] = s.Path,
            })]);
            Console.WriteLine(arr.ToJsonString(Indented));
            return 0;
        }

        if (all.Count == 0)
        {
            Console.WriteLine($"The store {store.Path} holds no filings yet; add some with 'filingtui import PATH'.");
            return 0;
        }

        foreach (var s in all)
        {
            Console.WriteLine($"{s.Id,5}  {s.SortDate}  {Format.StatusMark(s.Status)}  {Trim(s.Company, 24),-24}  {s.Form ?? "release",-7}  {s.FiscalLabel,-9} {s.CalendarLabel,-7} {s.Status}{(s.StatusReason is null ? "" : ": " + s.StatusReason)}");
        }

        return 0;
    }

    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    /// <summary>Whether SHOW's argument can name a filing; if not, says so (a usage error, whatever the store holds).</summary>
    private static bool IsIdOrQuarter(string which)
    {
        if (long.TryParse(which, out _) || QuarterSpec.Parse(which) is not null)
        {
            return true;
        }

        Console.Error.WriteLine($"filingtui: \"{which}\" is neither a filing id nor a quarter ({QuarterSpec.Examples}).");
        return false;
    }

    private static int Show(FilingStore store, string which, bool asJson)
    {
        long id;
        if (!long.TryParse(which, out id))
        {
            var spec = QuarterSpec.Parse(which)!;
            var found = store.FindPeriod(spec);
            if (found.Count == 0)
            {
                Console.Error.WriteLine($"filingtui: no stored filing covers {spec}.");
                return 1;
            }

            id = found[0].Id;
        }

        if (store.Load(id) is not Filing f)
        {
            Console.Error.WriteLine($"filingtui: there is no filing {id} in {store.Path}.");
            return 1;
        }

        if (asJson)
        {
            Console.WriteLine(FilingJson.Write(f, id));
        }
        else
        {
            Console.Write(Reports.Filing(f, id));
        }

        return 0;
    }

    private static int Parse(string file, bool asJson, bool asText)
    {
        var path = StorePath.ExpandHome(file);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{Printable.Line(file)}: {(Directory.Exists(path) ? "a folder; parse reads one file (import reads folders)" : "no such file")}.");
            return 1;
        }

        var (read, error) = Importer.Read(path);
        if (read is not byte[] bytes)
        {
            Console.Error.WriteLine($"{Printable.Line(file)}: {error}.");
            return 1;
        }

        var result = ImportPipeline.Parse(bytes);
        if (!result.Ok)
        {
            Console.Error.WriteLine($"{Printable.Line(file)}: {result.Error}.");
            return 1;
        }

        if (asText)
        {
            var lines = result.Filing!.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                Console.WriteLine($"{i + 1,6}  {lines[i]}");
            }

            return 0;
        }

        Console.WriteLine(asJson ? FilingJson.Write(result.Filing!) : Reports.Filing(result.Filing!));
        return 0;
    }

    private static int Lookup(FilingStore store, string item, string? period, string? companyText, int limit, bool asJson)
    {
        QuarterSpec? spec = null;
        if (period is not null && (spec = QuarterSpec.Parse(period)) is null)
        {
            Console.Error.WriteLine($"filingtui: \"{period}\" is not a quarter ({QuarterSpec.Examples}).");
            return 2;
        }

        if (limit < 1)
        {
            Console.Error.WriteLine($"filingtui: --limit must be at least 1, not {limit}.");
            return 2;
        }

        CompanyRef? company = null;
        if (companyText is not null)
        {
            var found = store.FindCompanies(companyText);
            if (found.Count != 1)
            {
                Console.Error.WriteLine(found.Count == 0
                    ? $"filingtui: no stored company matches \"{companyText}\"."
                    : $"filingtui: \"{companyText}\" matches {(found.Count > 10 ? "more than 10" : found.Count)} companies ({string.Join("; ", found.Take(10).Select(c => c.Describe()))}); name one by its ticker or CIK.");
                return found.Count == 0 ? 1 : 2;
            }

            company = found[0];
        }

        var facts = store.History(item, out var more, company?.Id, limit, spec);
        if (facts.Count == 0)
        {
            var where = (spec is null ? "" : $" in {spec}") + (company is null ? "" : $" for {company.Name}");
            Console.Error.WriteLine($"filingtui: no stored value for \"{item}\"{where}.");
            return 1;
        }

        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(facts, Indented));
        }
        else
        {
            foreach (var f in facts)
            {
                Console.WriteLine(Format.Fact(f));
            }
        }

        if (more)
        {
            var which = spec is null || company is not null ? "of the newest filings" : "most recently stored";
            Console.Error.WriteLine($"filingtui: the {limit:N0} values {which} are shown and more are stored; narrow with --period or --company, or raise --limit.");
        }

        return 0;
    }

    private static int Search(FilingStore store, string query, bool asJson)
    {
        IReadOnlyList<SearchHit> hits;
        try
        {
            hits = store.Search(query);
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine($"filingtui: {ex.Message}");
            return 2;
        }

        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(hits, Indented));
            return 0;
        }

        foreach (var h in hits)
        {
            Console.WriteLine($"{h.FilingId,5}  {h.SortDate}  {Trim(h.Company, 20),-20}  {h.Heading}: {h.Snippet.Replace('\n', ' ')}");
        }

        if (hits.Count == 0)
        {
            Console.WriteLine($"No section mentions \"{query}\".");
        }

        return 0;
    }
}
