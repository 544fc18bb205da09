using System.Globalization;
using FilingTui.Core.Model;
using FilingTui.Data;
using FilingTui.Terminal;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;

namespace FilingTui.App.Tui;

/// <summary>
/// The three panes: filings, statements, business updates; a header line for the selected filing; the status
/// bar with the keys that matter in the focused pane.
/// </summary>
public sealed class MainScreen
{
    private readonly FilingStore _store;
    private readonly Label _menu = new();
    private readonly Label _header = new();
    private readonly ListView _list = new() { Border = true, Title = "Filings" };
    private readonly TableView _table = new() { Border = true, Title = "Statements" };
    private readonly TextView _text = new() { Border = true, Title = "Business updates" };
    private readonly StatusBar _status = new();
    private readonly List<string> _quarterHistory = [];
    private readonly List<string> _searchHistory = [];
    private readonly List<string> _importHistory = [];
    private readonly List<string> _exportHistory = [];
    private FilingListSource _source;
    private string? _filter;
    private Filing? _filing;
    private long? _filingId;
    private FilingSummary? _summary;
    private int _tab;
    private TextMode _mode = TextMode.BusinessUpdates;

    public Application App { get; }

    public Filing? Current => _filing;

    public MainScreen(FilingStore store, IConsoleDriver driver, ColorProfile profile)
    {
        _store = store;
        App = new Application(driver, profile);
        _source = new FilingListSource(store);
        _list.Source = _source;
        _list.SelectedChanged += _ => LoadSelected();
        _list.OpenSelectedItem += _ => App.SetFocus(_table);
        _table.CellActivated += ShowLineHistory;
        _table.KeyBindings.Add(Key.Char(']'), Command.NextView, "Next statement");
        _table.KeyBindings.Add(Key.Char('['), Command.PreviousView, "Previous statement");
        foreach (var v in new View[] { _menu, _header, _list, _table, _text, _status })
        {
            App.Add(v);
        }

        App.SetFocus(_list);
        App.Layout = Layout;
        App.GlobalKey = OnGlobalKey;
        LoadSelected();
    }

    /// <summary>Opens the TUI on a store; refuses when not attached to a terminal.</summary>
    public static int Open(string dbPath)
    {
        var term = Environment.GetEnvironmentVariable("TERM");
        if (Console.IsInputRedirected || Console.IsOutputRedirected || term == "dumb")
        {
            Console.Error.WriteLine("filingtui: the interactive view needs a terminal (stdin and stdout not redirected, TERM not dumb); use 'filingtui list', 'show', 'lookup' or 'search' instead.");
            return 2;
        }

        FilingStore store;
        try
        {
            store = FilingStore.Open(dbPath);
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine($"filingtui: {ex.Message}");
            return 1;
        }

        using (store)
        using (var driver = new AnsiDriver())
        {
            var screen = new MainScreen(store, driver, ColorProfiles.Detect(Environment.GetEnvironmentVariable));
            screen.App.Run();
        }

        return 0;
    }

    private void Layout(int w, int h)
    {
        _menu.Frame = new Rect(0, 0, w, 1);
        _menu.Segments = [(" File  View  Go  Help", Terminal.Drawing.Attribute.Normal.With(Style.Reverse)), (new string(' ', Math.Max(0, w - 21)), Terminal.Drawing.Attribute.Normal.With(Style.Reverse))];
        _header.Frame = new Rect(0, 1, w, 1);
        _header.Text = HeaderText();
        _header.Attr = ColorScheme.Default.Heading;
        var listWidth = Math.Clamp(w * 35 / 100, 28, 44);
        var bodyTop = 2;
        var bodyHeight = Math.Max(3, h - 3);
        _list.Frame = new Rect(0, bodyTop, listWidth, bodyHeight);
        var rw = Math.Max(10, w - listWidth);
        var tableHeight = Math.Max(5, Math.Min(bodyHeight / 2 + 1, (_filing?.Statements.ElementAtOrDefault(_tab)?.Rows.Count ?? 3) + 4));
        _table.Frame = new Rect(listWidth, bodyTop, rw, tableHeight);
        _text.Frame = new Rect(listWidth, bodyTop + tableHeight, rw, Math.Max(3, bodyHeight - tableHeight));
        _status.Frame = new Rect(0, h - 1, w, 1);
        _status.Items.Clear();
        _status.Items.AddRange(StatusItems());
    }

    private IEnumerable<(string, string)> StatusItems()
    {
        yield return ("F1", "Help");
        if (App.Focused == _table)
        {
            yield return ("Enter", "History");
            yield return ("[ ]", "Statement");
            yield return ("h/l", "Columns");
        }
        else if (App.Focused == _text)
        {
            yield return ("/", "Search");
            yield return ("n/N", "Match");
            yield return ("a", _mode == TextMode.AllSections ? "Updates" : "All");
            yield return ("r", _mode == TextMode.Raw ? "Sections" : "Raw");
        }
        else
        {
            yield return ("/", "Search");
        }

        yield return (":", "Quarter");
        yield return ("i", "Import");
        yield return ("Tab", "Pane");
        yield return ("q", "Quit");
    }

    private string HeaderText()
    {
        if (_filing is not Filing f)
        {
            return _source.Count == 0 ? " No filings yet: press i to import a file or folder." : "";
        }

        var status = _summary?.Status ?? "";
        var released = f.Release?.Date is DateOnly d ? $" · released {d:yyyy-MM-dd}" : "";
        return $" {f.Company.Name}{(f.Company.Ticker is null ? "" : $" ({f.Company.Ticker})")} · {Format.Period(f)}{released} · {f.Form ?? "release"} · {status}";
    }

    private void LoadSelected()
    {
        var summary = _source.Get(_list.SelectedItem);
        if (summary is null)
        {
            _filing = null;
            _filingId = null;
            _table.Source = null;
            _text.SetText([new StyledParagraph(_source.Count == 0 ? "The store is empty. Press i to import filings (a file or a folder)." : "", LineStyle.Dim)]);
            return;
        }

        if (summary.Id == _filingId)
        {
            return;
        }

        _filingId = summary.Id;
        _summary = summary;
        _filing = _store.Load(summary.Id);
        if (_filing is not null)
        {
            // Operations first, as a reader looks for the quarter's results before the balance sheet.
            var ordered = _filing.Statements.OrderBy(s => s.Kind switch { StatementKind.Operations => 0, StatementKind.BalanceSheet => 1, StatementKind.CashFlow => 2, _ => 3 }).ToList();
            _filing.Statements.Clear();
            _filing.Statements.AddRange(ordered);
        }

        _tab = 0;
        ShowStatement();
        ShowText();
    }

    private void ShowStatement()
    {
        var statements = _filing?.Statements ?? [];
        if (statements.Count == 0)
        {
            _table.Title = "Statements";
            _table.Caption = [(" No statements: " + (_summary?.StatusReason ?? "none found"), ColorScheme.Default.Warning)];
            _table.Source = null;
            return;
        }

        _tab = ((_tab % statements.Count) + statements.Count) % statements.Count;
        var s = statements[_tab];
        var first = s.Columns.FirstOrDefault();
        var fiscal = first?.FiscalQuarter is int q && first.FiscalYear is int y ? $"Q{q} FY{y} · " : "";
        var what = first is null ? "" : first.Months == 0 ? $"as of {first.End:yyyy-MM-dd}" : $"{first.Months}M ended {first.End:yyyy-MM-dd}";
        _table.Title = $"Statements · {fiscal}{what} · {s.ScaleLabel}";
        var caption = new List<(string, Terminal.Drawing.Attribute)>();
        for (var i = 0; i < statements.Count; i++)
        {
            // Two statements of a kind (a quarter's and a year's, printed apart) are told apart by their period length.
            var twin = statements.Count(s => s.Kind == statements[i].Kind) > 1 && statements[i].Columns.Count > 0 && statements[i].Kind != StatementKind.Supplemental;
            var name = statements[i].Kind.ToTitle() + (twin ? $" {statements[i].Columns[0].Months}M" : "") + (statements[i].Rows.Any(r => r.CheckFailed) ? " !" : "");
            caption.Add((i == 0 ? " " : " │ ", Terminal.Drawing.Attribute.Normal));
            caption.Add((name, i == _tab ? Terminal.Drawing.Attribute.Normal.With(Style.Reverse | Style.Bold) : Terminal.Drawing.Attribute.Normal));
        }

        _table.Caption = caption;
        _table.Source = new StatementSource(s);
    }

    private void ShowText()
    {
        if (_filing is null)
        {
            return;
        }

        _text.Title = _mode switch
        {
            TextMode.Raw => "Raw text",
            TextMode.AllSections => "All sections",
            _ => "Business updates",
        };
        _text.SetText(FilingText.Build(_filing, _mode));
    }

    private bool OnGlobalKey(Key key)
    {
        if (key.Code == KeyCode.F1 || (key.IsPrintable && key.Rune == '?'))
        {
            ShowHelp();
            return true;
        }

        if (key.Code == KeyCode.F5)
        {
            Refresh(_filingId);
            return true;
        }

        if (key.Code == KeyCode.F10 || (key.Alt && key.Code == KeyCode.Char && "fvgh".Contains(char.ToLowerInvariant(key.Rune))))
        {
            ShowMenu();
            return true;
        }

        if (key is { Code: KeyCode.Char, Ctrl: true, Rune: 'c' })
        {
            App.RequestStop();
            return true;
        }

        if (!key.IsPrintable)
        {
            return false;
        }

        switch (key.Rune)
        {
            case 'q':
                App.RequestStop();
                return true;
            case ':':
                GoToQuarter();
                return true;
            case '/':
                Find();
                return true;
            case 'i':
                Import();
                return true;
            case 'a':
                _mode = _mode == TextMode.AllSections ? TextMode.BusinessUpdates : TextMode.AllSections;
                ShowText();
                return true;
            case 'r':
                _mode = _mode == TextMode.Raw ? TextMode.BusinessUpdates : TextMode.Raw;
                ShowText();
                return true;
            case 'e':
                ExportDialog();
                return true;
            case 'f':
                FilterDialog();
                return true;
            case 'y':
                CopyStatement();
                return true;
            case ']' or '[':
                _tab += key.Rune == ']' ? 1 : -1;
                ShowStatement();
                return true;
        }

        return false;
    }

    /// <summary>Re-reads the store (F5, after an import) and selects <paramref name="select"/> if given.</summary>
    public void Refresh(long? select)
    {
        _source = new FilingListSource(_store, _filter);
        _list.Source = _source;
        _list.Title = _filter is null ? "Filings" : $"Filings · \"{_filter}\" ({_source.Count})";
        _filingId = null;
        var index = select is long id ? _source.IndexOf(id) : 0;
        _list.SelectedItem = Math.Max(0, index);
        LoadSelected();
        App.SetNeedsDraw();
    }

    public void SelectFiling(long id)
    {
        var index = _source.IndexOf(id);
        if (index >= 0)
        {
            _list.SelectedItem = index;
            LoadSelected();
        }
    }

    private void GoToQuarter()
    {
        var dialog = new InputDialog("Go to quarter", $"A quarter ({QuarterSpec.Examples}),\nor a line item and a quarter (\"revenue 2005Q3\"):", _quarterHistory) { PreferredHeight = 9 };
        dialog.Accept = text => GoTo(text.Trim());
        dialog.Place(App.Screen.Width, App.Screen.Height);
        dialog.Show(App);
    }

    /// <summary>Returns null when it jumped (or showed a value), else the message for the dialog.</summary>
    public string? GoTo(string text)
    {
        if (QuarterSpec.Parse(text) is QuarterSpec spec)
        {
            var found = _store.FindPeriod(spec);
            if (found.Count == 0)
            {
                var probe = spec.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? FiscalProbe(spec);
                var near = probe is null ? [] : _store.NearestPeriod(probe);
                return $"No stored filing covers {spec}." + (near.Count == 0 ? "" : " Nearest: " + string.Join(", ", near.Select(n => $"{n.FiscalLabel} ({n.CalendarLabel}) {n.Company}".Trim())) + ".");
            }

            SelectFiling(found[0].Id);
            App.SetFocus(_table);
            return null;
        }

        // "revenue 2005Q3": a line item, then the quarter.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var take = Math.Min(3, words.Length - 1); take >= 1; take--)
        {
            if (QuarterSpec.Parse(string.Join(' ', words[^take..])) is QuarterSpec q)
            {
                var item = string.Join(' ', words[..^take]);
                var facts = _store.History(item).Where(f => Cli.Matches(f, q)).ToList();
                if (facts.Count == 0)
                {
                    facts = [.. _store.History(ConceptAlias(item)).Where(f => Cli.Matches(f, q))];
                }

                if (facts.Count == 0)
                {
                    return $"No stored value of \"{item}\" for {q}.";
                }

                var fact = facts[^1];
                SelectFiling(fact.FilingId);
                var lines = facts.Select(f => new StyledParagraph(Format.Fact(f))).ToList();
                var box = new MessageBox($"{item} · {q}", lines);
                box.Place(App.Screen.Width, App.Screen.Height);
                box.Show(App);
                return null;
            }
        }

        return $"\"{text}\" is not a quarter; try {QuarterSpec.Examples}.";
    }

    private static string ConceptAlias(string item) => item.Trim().ToLowerInvariant() switch
    {
        "revenue" or "revenues" or "sales" or "net sales" => "Revenues",
        "net loss" or "net income" or "earnings" or "net earnings" => "NetIncomeLoss",
        "eps" => "EarningsPerShareBasicAndDiluted",
        "assets" or "total assets" => "Assets",
        "r&d" or "research and development" => "ResearchAndDevelopmentExpense",
        _ => item,
    };

    private static string? FiscalProbe(QuarterSpec spec) => spec.FiscalYear is int y ? $"{y}-0{Math.Min(9, spec.FiscalQuarter ?? 1)}-01" : null;

    private void Find()
    {
        var dialog = new InputDialog("Find", "Search this filing's text, then every filing:", _searchHistory);
        dialog.Accept = term =>
        {
            if (string.IsNullOrWhiteSpace(term))
            {
                return "Type something to search for.";
            }

            if (_text.Search(term))
            {
                App.SetFocus(_text);
                return null;
            }

            IReadOnlyList<SearchHit> hits;
            try
            {
                hits = _store.Search(term.Contains('"') ? term : "\"" + term.Replace("\"", "", StringComparison.Ordinal) + "\"");
            }
            catch (StoreException ex)
            {
                return ex.Message;
            }

            if (hits.Count == 0)
            {
                return $"No filing mentions \"{term}\".";
            }

            SelectFiling(hits[0].FilingId);
            _mode = TextMode.AllSections;
            ShowText();
            _text.Search(term);
            App.SetFocus(_text);
            return null;
        };
        dialog.Place(App.Screen.Width, App.Screen.Height);
        dialog.Show(App);
    }

    private void Import()
    {
        var dialog = new InputDialog("Import", "Files or folders to import (Tab completes, ~ is your home):", _importHistory) { PreferredHeight = 9 };
        dialog.Field.Complete = PathCompletion.Complete;
        dialog.Accept = text =>
        {
            var paths = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (paths.Length == 0)
            {
                return "Type a file or folder path.";
            }

            var progress = new ImportProgress();
            progress.Place(App.Screen.Width, App.Screen.Height);
            progress.Finished += ShowImportSummary;
            App.Invoke(() =>
            {
                progress.Show(App);
                progress.Start(_store.Path, paths);
            });
            return null;
        };
        dialog.Place(App.Screen.Width, App.Screen.Height);
        dialog.Show(App);
    }

    private void ShowImportSummary(ImportProgress progress)
    {
        List<ImportResult> results;
        lock (progress.Results)
        {
            results = [.. progress.Results];
        }

        var imported = results.Where(r => r.Outcome == ImportOutcome.Imported && r.FilingId is not null).Select(r => r.FilingId!.Value).ToList();
        Refresh(imported.Count > 0 ? _store.NewestBetween(imported.Min(), imported.Max()) : _filingId);
        var lines = new List<StyledParagraph>
        {
            new($"{results.Count(r => r.Outcome == ImportOutcome.Imported)} imported, {results.Count(r => r.Outcome == ImportOutcome.Duplicate)} duplicates, {results.Count(r => r.Outcome == ImportOutcome.Failed)} failed{(progress.Cancelled ? " (cancelled)" : "")}", LineStyle.Heading),
            new(""),
        };
        lines.AddRange(results.Select(r => new StyledParagraph(Importer.Describe(r), r.Outcome == ImportOutcome.Failed ? LineStyle.Warning : LineStyle.Normal)));
        var box = new MessageBox("Import summary", lines) { PreferredWidth = 100, PreferredHeight = Math.Min(30, lines.Count + 8) };
        box.Place(App.Screen.Width, App.Screen.Height);
        box.Show(App);
    }

    private void FilterDialog()
    {
        var dialog = new InputDialog("Filter", "Show filings whose company, ticker or title contains (empty: all):");
        dialog.Field.Text = _filter ?? "";
        dialog.Field.Cursor = dialog.Field.Text.Length;
        dialog.Accept = text =>
        {
            _filter = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            Refresh(null);
            App.SetFocus(_list);
            return null;
        };
        dialog.Place(App.Screen.Width, App.Screen.Height);
        dialog.Show(App);
    }

    private void ExportDialog()
    {
        if (_filing is null)
        {
            return;
        }

        var statement = (_table.Source as StatementSource)?.Statement;
        var dialog = new InputDialog("Export", "File to write: .csv for the statement shown, .json for the whole filing:", _exportHistory) { PreferredHeight = 9 };
        dialog.Field.Complete = PathCompletion.Complete;
        dialog.Field.Text = statement is null ? "filing.json" : $"{statement.Kind.ToKey()}.csv";
        dialog.Field.Cursor = dialog.Field.Text.Length;
        dialog.Accept = text =>
        {
            var path = text.Trim();
            if (path.Length == 0)
            {
                return "Type a file name.";
            }

            var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            if (!json && statement is null)
            {
                return "This filing has no statement to export as CSV; use a .json name for the filing.";
            }

            var error = Export.Write(path, json ? FilingJson.Write(_filing, _filingId) : Export.Csv(statement!));
            if (error is null)
            {
                _status.Message = $"Wrote {Path.GetFullPath(StorePath.ExpandHome(path))}";
                App.AddTimeout(TimeSpan.FromSeconds(4), () => { _status.Message = null; return false; });
            }

            return error;
        };
        dialog.Place(App.Screen.Width, App.Screen.Height);
        dialog.Show(App);
    }

    /// <summary>Copies the statement shown to the local clipboard through the terminal (OSC 52), which works over SSH.</summary>
    private void CopyStatement()
    {
        if ((_table.Source as StatementSource)?.Statement is not Statement statement)
        {
            return;
        }

        App.Driver.Write(Export.Osc52(Export.Csv(statement)));
        _status.Message = $"Copied the {statement.Kind.ToTitle().ToLowerInvariant()} to the clipboard (OSC 52; the terminal must allow it)";
        App.AddTimeout(TimeSpan.FromSeconds(4), () => { _status.Message = null; return false; });
    }

    private void ShowLineHistory(int row)
    {
        if (_table.Source is not StatementSource src || row >= src.Statement.Rows.Count)
        {
            return;
        }

        var line = src.Statement.Rows[row];
        var box = new MessageBox("Line history", LineHistory.Build(line.Label, line.Concept, _store.History(line.Concept ?? line.Label), Math.Min(90, App.Screen.Width) - 4)) { PreferredWidth = 90 };
        box.Place(App.Screen.Width, App.Screen.Height);
        box.Show(App);
    }

    private void ShowHelp()
    {
        var lines = new List<StyledParagraph>
        {
            new("Keys", LineStyle.Heading),
            new("Tab / Shift+Tab   next / previous pane"),
            new("↑↓ j k  PgUp PgDn  Home End g G   move"),
            new("← → h l   scroll statement columns"),
            new("[ ]   previous / next statement"),
            new("Enter   on a statement row: the line's history across filings"),
            new(":   go to a quarter (2005Q3, FY2006Q1, Q1 FY06, 2005-09-30, Sep 2005)"),
            new("/   search; n N next / previous match"),
            new("a   all sections / business updates     r   raw text     f   filter the list by company"),
            new("i   import files or folders     F5   refresh from the store"),
            new("e   export the statement (.csv) or the filing (.json)     y   copy the statement (OSC 52)"),
            new("F10 or Alt+F/V/G/H   menu      Ctrl+L   redraw"),
            new("Esc   close a dialog     q or Ctrl+C   quit"),
            new(""),
            new("Marks in the filing list: ✓ reconciled   ! a check failed   – no statements", LineStyle.Dim),
        };
        foreach (var view in new View[] { _list, _table, _text })
        {
            foreach (var (key, _, help) in view.KeyBindings.All.Where(b => b.Help.Length > 0))
            {
                lines.Add(new StyledParagraph($"{view.Title.Split(' ')[0],-12} {key,-10} {help}", LineStyle.Dim));
            }
        }

        var box = new MessageBox("Help", lines) { PreferredWidth = 78 };
        box.Place(App.Screen.Width, App.Screen.Height);
        box.Show(App);
    }

    private void ShowMenu()
    {
        var lines = new List<StyledParagraph>
        {
            new("File", LineStyle.Heading),
            new("  i  Import...     e  Export...     y  Copy statement     q  Quit"),
            new("View", LineStyle.Heading),
            new("  a  All sections / business updates     r  Raw text     f  Company filter"),
            new("Go", LineStyle.Heading),
            new("  :  Go to quarter      /  Find      Enter  Line history (statements pane)"),
            new("Help", LineStyle.Heading),
            new("  F1 Keys"),
        };
        var box = new MessageBox("Menu", lines);
        box.Place(App.Screen.Width, App.Screen.Height);
        box.Show(App);
    }
}
