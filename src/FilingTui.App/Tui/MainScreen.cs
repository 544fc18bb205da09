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
    private readonly MenuBar _menu = new();
    private readonly Label _header = new();
    private readonly ListView _list = new() { Border = true, Title = "Filings" };
    // The caption says why there is no table ("No statements: …", "Loading…").
    private readonly TableView _table = new() { Border = true, Title = "Statements", EmptyText = "" };
    private readonly TextView _text = new() { Border = true, Title = "Business updates" };
    private readonly StatusBar _status = new();
    private readonly List<string> _quarterHistory = [];
    private readonly List<string> _searchHistory = [];
    private readonly List<string> _importHistory = [];
    private readonly List<string> _exportHistory = [];
    private FilingListSource _source;
    private string? _filter;
    private bool _filterPending;
    private Filing? _filing;
    private long? _filingId;
    private FilingSummary? _summary;
    private int _tab;
    private TextMode _mode = TextMode.BusinessUpdates;

    /// <summary>The colours to go back to when colour is switched on again.</summary>
    private readonly ColorProfile _profile;

    public Application App { get; }

    public Filing? Current => _filing;

    /// <param name="loadWait">How long a selection waits for its filing (<see cref="LoadWait"/>), the first one included.</param>
    public MainScreen(FilingStore store, IConsoleDriver driver, ColorProfile profile, TimeSpan? loadWait = null)
    {
        _store = store;
        LoadWait = loadWait ?? Timeout.InfiniteTimeSpan;
        App = new Application(driver, profile);
        _profile = profile == ColorProfile.None ? ColorProfile.Ansi16 : profile;
        _source = new FilingListSource(store);
        _list.Source = _source;
        _list.SelectedChanged += _ => LoadSelected();
        _list.OpenSelectedItem += _ => App.SetFocus(_table);
        _list.FilterChanged += _ => OnFilterChanged();
        _table.CellActivated += ShowLineHistory;
        _table.KeyBindings.Add(Key.Char(']'), Command.NextView, "Next statement");
        _table.KeyBindings.Add(Key.Char('['), Command.PreviousView, "Previous statement");
        foreach (var v in new View[] { _menu, _header, _list, _table, _text, _status })
        {
            App.Add(v);
        }

        App.SetFocus(_list);
        App.Layout = Layout;
        App.Error = ShowStoreProblem;
        AddCommands();
        LoadSelected();
        store.PreloadFilter();
        App.AddTimeout(SettleAfter, SettleHeap);
    }

    /// <summary>How long the screen must have had no input before it settles the heap.</summary>
    internal static readonly TimeSpan SettleAfter = TimeSpan.FromMilliseconds(250);

    /// <summary>The collection <see cref="SettleHeap"/> makes; tests count calls instead.</summary>
    internal Action Collect { get; set; } = () => GC.Collect();

    /// <summary>
    /// One full collection at the first quiet moment after start, once the filter's companies are read. Without it
    /// the first young collection met a key and copied everything start-up built (the store's caches, the first
    /// filing, Dapper's maps): a 14-23 ms pause at a million filings, and the one key over a frame. Done while no
    /// one is typing it costs 9 ms nobody waits for, and later young collections pause 3-4 ms. Returns whether to
    /// look again.
    /// </summary>
    private bool SettleHeap()
    {
        if (_store.PreloadingFilter || App.Driver.NowMs - App.LastInputMs < SettleAfter.TotalMilliseconds)
        {
            return true;
        }

        Collect();
        return false;
    }

    /// <summary>The exit code when there is no terminal to take over (stdin or stdout redirected, TERM=dumb), with the reason told; null when there is one.</summary>
    public static int? RefuseWithoutTerminal()
    {
        var term = Environment.GetEnvironmentVariable("TERM");
        if (Console.IsInputRedirected || Console.IsOutputRedirected || term == "dumb")
        {
            Console.Error.WriteLine("filingtui: the interactive view needs a terminal (stdin and stdout not redirected, TERM not dumb); use 'filingtui list', 'show', 'lookup' or 'search' instead.");
            return 2;
        }

        return null;
    }

    /// <summary>
    /// Runs the TUI on an open store until the user quits. A store failure while the first page is read (before the
    /// terminal is taken over) or one that escapes the loop (after it is given back) is left to the caller to tell.
    /// </summary>
    public static int Run(FilingStore store)
    {
        using var driver = new AnsiDriver();
        var screen = new MainScreen(store, driver, ColorProfiles.Detect(Environment.GetEnvironmentVariable), InteractiveLoadWait);
        using var frameLog = OpenFrameLog();
        screen.App.FrameLog = frameLog;
        screen.App.Run();
        return 0;
    }

    /// <summary>$FILINGTUI_FRAME_LOG names a file that gets one line per frame (cause, latency, bytes, writes).</summary>
    private static StreamWriter? OpenFrameLog()
    {
        var path = Environment.GetEnvironmentVariable("FILINGTUI_FRAME_LOG");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            return new StreamWriter(path, append: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"filingtui: cannot write the frame log {path} ({ex.Message}); going on without it.");
            return null;
        }
    }

    private void Layout(int w, int h)
    {
        _menu.Frame = new Rect(0, 0, w, 1);
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
        else if (_list.Filtering)
        {
            yield return ("Enter", "Keep filter");
            yield return ("Esc", "Clear filter");
            yield break;
        }
        else
        {
            yield return ("/", "Search");
            yield return ("f", "Filter");
        }

        yield return (":", "Quarter");
        yield return ("i", "Import");
        yield return ("Tab", "Pane");
        yield return ("F10", "Menu");
        yield return ("q", "Quit");
    }

    /// <summary>Why the list is empty: a filter that matches no company is not an empty store.</summary>
    private string EmptyList() => _filter is null
        ? "No filings yet: press i to import a file or folder."
        : $"No company name or ticker holds \"{_filter}\". Press f and Esc to clear the filter.";

    private string HeaderText()
    {
        if (_filing is not Filing f)
        {
            // While a filing loads, what the list row knows already says which one is coming.
            return _source.Count == 0 ? " " + EmptyList()
                : _summary is { } s && s.Id == _filingId ? $" {s.Company}{(s.Ticker is null ? "" : $" ({s.Ticker})")} · {s.CalendarLabel} · {s.Form ?? "release"} · loading…"
                : "";
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
            _loading?.Cancel();
            _filing = null;
            _filingId = null;
            NoTable();
            _text.SetText([new StyledParagraph(_source.Count == 0 ? EmptyList() : "", LineStyle.Dim)]);
            return;
        }

        if (summary.Id == _filingId)
        {
            return;
        }

        _filingId = summary.Id;
        _summary = summary;
        _loading?.Cancel();
        _loading?.Dispose();
        _loading = new CancellationTokenSource();
        var load = Loader(summary.Id, _loading.Token);
        try
        {
            load.Wait(LoadWait);
        }
        catch (AggregateException)
        {
            // Its failure is thrown again below, as itself.
        }

        if (load.IsCompleted)
        {
            Show(load.GetAwaiter().GetResult());
            return;
        }

        // Slower than a frame (pages not cached): the list's move is drawn now and the filing when it comes. A
        // later selection has cancelled this load or will find its answer stale.
        _filing = null;
        _tab = 0;
        NoTable((" Loading…", ColorScheme.Default.Dim));
        _text.SetText([]);
        var id = summary.Id;
        App.WhenDone(load, done =>
        {
            if (!done.IsCanceled && _filingId == id && _filing is null)
            {
                Show(((Task<Filing?>)done).GetAwaiter().GetResult());
                App.SetNeedsDraw();
            }
        });
    }

    /// <summary>
    /// How long a selection waits for its filing before the list's move is drawn without it. Unbounded unless set:
    /// what a test or a script reads after a key is then the filing it selected. The terminal uses
    /// <see cref="InteractiveLoadWait"/>.
    /// </summary>
    public TimeSpan LoadWait { get; set; }

    /// <summary>Half a 60 Hz frame: a cached filing loads in 1-2 ms and is drawn with the key that selected it.</summary>
    public static readonly TimeSpan InteractiveLoadWait = TimeSpan.FromMilliseconds(8);

    private CancellationTokenSource? _loading;

    /// <summary>Where a selected filing comes from; tests put a load they finish themselves here.</summary>
    internal Func<long, CancellationToken, Task<Filing?>> Loader
    {
        get => _loader ??= _store.LoadInBackground;
        set => _loader = value;
    }

    private Func<long, CancellationToken, Task<Filing?>>? _loader;

    private void Show(Filing? filing)
    {
        _filing = filing;
        if (_filing is not null)
        {
            // Operations first, as a reader looks for the quarter's results before the balance sheet.
            var ordered = _filing.Statements.OrderBy(s => StatementKinds.Of(s.Kind).DisplayOrder).ToList();
            _filing.Statements.Clear();
            _filing.Statements.AddRange(ordered);
        }

        _tab = 0;
        ShowStatement();
        ShowText();
    }

    /// <summary>The statements pane without a table, its caption saying why (nothing selected, loading, none found).</summary>
    private void NoTable(params (string, Terminal.Drawing.Attribute)[] why)
    {
        _table.Source = null;
        _table.Title = "Statements";
        _table.Caption = [.. why];
    }

    private void ShowStatement()
    {
        var statements = _filing?.Statements ?? [];
        if (statements.Count == 0)
        {
            NoTable((" No statements: " + (_summary?.StatusReason ?? "none found"), ColorScheme.Default.Warning));
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

    /// <summary>
    /// Every command once: its menu entry, its keys and its help line come from here, so the menus, the keys and
    /// the help overlay cannot disagree.
    /// </summary>
    private void AddCommands()
    {
        var file = new List<MenuItem>();
        var view = new List<MenuItem>();
        var go = new List<MenuItem>();
        var help = new List<MenuItem>();
        void Add(List<MenuItem> menu, string group, string title, string what, Action action, params Key[] keys)
        {
            App.Shortcuts.Add(group, what, action, keys);
            menu.Add(new MenuItem(title, action, keys[0].ToString()));
        }

        Add(file, "File", "_Import...", "Import files or folders (Tab completes paths)", Import, Key.Char('i'));
        Add(file, "File", "Import _log", "Every import attempt with its outcome", ShowImportLog, Key.Char('L'));
        Add(file, "File", "_Re-parse all", "Parse every stored filing again with this version's parser", ReparseAll, Key.Char('R'));
        Add(file, "File", "_Export...", "Write the statement shown (.csv) or the filing (.json)", ExportDialog, Key.Char('e'));
        Add(file, "File", "_Copy statement", "Copy the statement shown to the clipboard (OSC 52, works over SSH)", CopyStatement, Key.Char('y'));
        Add(file, "File", "_Quit", "Quit", App.RequestStop, Key.Char('q'), Key.CtrlChar('c'));
        Add(view, "View", "_All sections", "All sections / business updates only", () => ToggleMode(TextMode.AllSections), Key.Char('a'));
        Add(view, "View", "Raw _text", "The filing's text as imported / business updates", () => ToggleMode(TextMode.Raw), Key.Char('r'));
        Add(view, "View", "Company _filter", "Filter the filing list as you type (company or ticker)", StartFilter, Key.Char('f'));
        Add(view, "View", "C_olour on/off", "Colour on or off (selection still shows in reverse video)", ToggleColour, Key.Char('c'));
        Add(view, "View", "_Refresh", "Re-read the store (filings imported elsewhere appear)", () => Refresh(_filingId), Key.F5);
        Add(go, "Go", "Go to _quarter...", "Go to a quarter, or a line item's value in one (\"revenue 2005Q3\")", GoToQuarter, Key.Char(':'));
        Add(go, "Go", "_Find...", "Search this filing, then every filing; n / N step through matches", Find, Key.Char('/'));
        go.Add(new MenuItem("Line _history", () => ShowLineHistory(_table.SelectedRow), "Enter"));
        Add(go, "Go", "_Next statement", "Next statement", () => StepStatement(1), Key.Char(']'));
        Add(go, "Go", "_Previous statement", "Previous statement", () => StepStatement(-1), Key.Char('['));
        Add(help, "Help", "_Keys", "This help", ShowHelp, Key.F1, Key.Char('?'));
        help.Add(new MenuItem("_About", ShowAbout));
        _menu.Menus.AddRange([new MenuBarItem("_File", file), new MenuBarItem("_View", view), new MenuBarItem("_Go", go), new MenuBarItem("_Help", help)]);
    }

    private void ToggleMode(TextMode mode)
    {
        _mode = _mode == mode ? TextMode.BusinessUpdates : mode;
        ShowText();
    }

    private void StepStatement(int by)
    {
        _tab += by;
        ShowStatement();
    }

    private void ToggleColour()
    {
        App.ColorProfile = App.ColorProfile == ColorProfile.None ? _profile : ColorProfile.None;
        Flash(App.ColorProfile == ColorProfile.None ? "Colour off: selection and focus in reverse video and bold" : $"Colour on ({App.ColorProfile})");
    }

    private int _flashes;

    /// <summary>A message in the status bar for a few seconds; a newer one gets its own few seconds.</summary>
    private void Flash(string message)
    {
        _status.Message = message;
        var mine = ++_flashes;
        App.AddTimeout(TimeSpan.FromSeconds(4), () =>
        {
            if (mine == _flashes)
            {
                _status.Message = null;
            }

            return false;
        });
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
        if (index < 0 && _filter is not null)
        {
            // The filing is outside the filter (a search hit, a quarter of another company): show everything.
            _filter = null;
            _list.ClearFilter();
            Refresh(id);
            return;
        }

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
        dialog.Show(App);
    }

    /// <summary>Returns null when it jumped (or showed a value), else the message for the dialog.</summary>
    public string? GoTo(string text)
    {
        if (QuarterSpec.Parse(text) is QuarterSpec spec)
        {
            var found = _store.FindPeriod(spec, _summary?.CompanyId);
            if (found.Count == 0)
            {
                var probe = spec.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? FiscalProbe(spec);
                var near = probe is null ? [] : _store.NearestPeriod(probe);
                return $"No stored filing covers {spec}." + (near.Count == 0 ? "" : " Nearest: " + string.Join(", ", near.Select(n => $"{n.FiscalLabel} ({n.CalendarLabel}) {n.Company}".Trim())) + ".");
            }

            // Many companies report the same quarter: the store lists the company being read first.
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
                var company = _summary?.CompanyId;
                var facts = _store.History(item, company, period: q).ToList();
                if (facts.Count == 0)
                {
                    facts = [.. _store.History(ConceptAlias(item), company, period: q)];
                }

                if (facts.Count == 0)
                {
                    return $"No stored value of \"{item}\" for {q}.";
                }

                var fact = facts[^1];
                SelectFiling(fact.FilingId);
                var lines = facts.Select(f => new StyledParagraph(Format.Fact(f))).ToList();
                var box = new MessageBox($"{item} · {q}", lines);
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

    /// <summary>
    /// Full-text search over every filing (FTS5): the hits are listed with their snippets, the filing being read
    /// first; Enter opens a hit's filing with the match in view, and n / N step through its matches.
    /// </summary>
    private void Find()
    {
        var dialog = new InputDialog("Find", "Search every filing (words are a phrase; \"quotes\", prefix*, OR, NOT for more):", _searchHistory)
        {
            PreferredHeight = 9,
            BusyMessage = "Searching every filing… (Esc stops)",
        };
        var prefer = _filingId;
        dialog.Accept = term => string.IsNullOrWhiteSpace(term) ? "Type something to search for." : null;
        // Off the UI thread: a common word over a million filings takes 30-50 ms, and much longer from a cold cache.
        dialog.AcceptInBackground = async (term, cancel) =>
        {
            IReadOnlyList<SearchHit> hits;
            try
            {
                var query = term.Contains('"', StringComparison.Ordinal) ? term : "\"" + term.Trim() + "\"";
                hits = await _store.SearchInBackground(query, cancel, prefer: prefer, open: SearchResults.Open, close: SearchResults.Close);
            }
            catch (StoreException ex)
            {
                return InputAnswer.Refuse(ex.Message);
            }

            return hits.Count == 0 ? InputAnswer.Refuse($"No filing mentions \"{term}\".") : InputAnswer.Done(() => ShowHits(hits, term));
        };
        dialog.Show(App);
    }

    private void ShowHits(IReadOnlyList<SearchHit> hits, string term)
    {
        var results = new SearchResults(hits);
        var list = new ListDialog($"{hits.Count}{(hits.Count == 200 ? "+" : "")} matches for {term}", results, "Enter Open   Esc Close   ↑↓ PgUp PgDn Move") { PreferredWidth = 140 };
        list.Chosen = i => OpenHit(results[i], term);
        list.Show(App);
    }

    private void OpenHit(SearchHit hit, string term)
    {
        SelectFiling(hit.FilingId);
        _mode = TextMode.AllSections;
        ShowText();
        _text.Search(term.Replace("\"", "", StringComparison.Ordinal).TrimEnd('*').Trim());
        App.SetFocus(_text);
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
            progress.Finished += ShowImportSummary;
            App.Invoke(() =>
            {
                progress.Show(App);
                progress.Start(_store.Path, paths);
            });
            return null;
        };
        dialog.Show(App);
    }

    private void ShowImportSummary(ImportProgress progress)
    {
        var results = progress.Snapshot();

        var imported = results.Where(r => r.Outcome == ImportOutcome.Imported && r.FilingId is not null).Select(r => r.FilingId!.Value).ToList();
        Refresh(imported.Count > 0 ? _store.NewestBetween(imported.Min(), imported.Max()) : _filingId);
        var lines = new List<StyledParagraph>
        {
            new($"{results.Count(r => r.Outcome == ImportOutcome.Imported)} imported, {results.Count(r => r.Outcome == ImportOutcome.Duplicate)} duplicates, {(results.Count(r => r.Outcome == ImportOutcome.Skipped) is > 0 and var skipped ? $"{skipped} skipped (no filing), " : "")}{results.Count(r => r.Outcome == ImportOutcome.Failed)} failed{(progress.Cancelled ? " (cancelled)" : "")}", LineStyle.Heading),
            new(""),
        };
        lines.AddRange(results.Select(r => new StyledParagraph(Importer.Describe(r), r.Outcome == ImportOutcome.Failed ? LineStyle.Warning : LineStyle.Normal)));
        ShowSummary("Import summary", lines);
    }

    private void StartFilter()
    {
        App.SetFocus(_list);
        _list.BeginFilter();
    }

    /// <summary>
    /// Keys typed into the filter arrive one by one; the store is asked once per frame, after all queued keys,
    /// so typing fast over a slow link costs one query, not one per letter.
    /// </summary>
    private void OnFilterChanged()
    {
        var pending = _filterPending;
        _filterPending = true;
        if (!pending)
        {
            App.Invoke(() =>
            {
                _filterPending = false;
                var filter = string.IsNullOrWhiteSpace(_list.FilterText) ? null : _list.FilterText.Trim();
                if (filter != _filter)
                {
                    _filter = filter;
                    Refresh(null);
                }
            });
        }
    }

    private void ShowImportLog()
    {
        var entries = _store.ImportLog(1000);
        var lines = new List<StyledParagraph>
        {
            new(entries.Count == 0 ? "Nothing has been imported into this store yet." : $"The last {entries.Count:N0} import attempts, newest first", LineStyle.Heading),
            new(""),
        };
        foreach (var e in entries)
        {
            // The file name leads, its folder follows dimmed: a long path must not push the outcome off the line.
            var outcome = e.Outcome switch { "imported" => LineStyle.Normal, "duplicate" => LineStyle.Dim, _ => LineStyle.Warning };
            var filing = e.FilingId is long id && e.Outcome == "imported" ? $" · filing {id}" : "";
            var folder = Path.GetDirectoryName(e.Path);
            lines.Add(new StyledParagraph($"{e.At.Replace('T', ' ').TrimEnd('Z')}  {e.Outcome,-9}  {Path.GetFileName(e.Path)}{filing}{(e.Message is null ? "" : " · " + e.Message)}", outcome));
            if (!string.IsNullOrEmpty(folder))
            {
                lines.Add(new StyledParagraph($"{"",31}in {folder}", LineStyle.Dim));
            }
        }

        var box = new MessageBox("Import log", lines) { PreferredWidth = 120, PreferredHeight = 40 };
        box.Show(App);
    }

    private void ReparseAll()
    {
        var progress = new ImportProgress("Re-parsing", "filings");
        progress.Finished += p =>
        {
            var results = p.Snapshot();
            Refresh(_filingId);
            var failed = results.Count(r => r.Outcome == ImportOutcome.Failed);
            var changed = results.Where(r => r.StatusChanged).ToList();
            var lines = new List<StyledParagraph>
            {
                new($"{results.Count - failed:N0} re-parsed with parser version {Core.Import.ImportPipeline.ParserVersion}, {changed.Count:N0} changed status, {failed:N0} failed{(p.Cancelled ? " (cancelled)" : "")}", LineStyle.Heading),
                new(""),
            };
            lines.AddRange(results.Where(r => r.Outcome == ImportOutcome.Failed).Concat(changed).Take(500)
                .Select(r => new StyledParagraph($"filing {r.FilingId}  {r.Path}: {r.Message}", r.Outcome == ImportOutcome.Failed ? LineStyle.Warning : LineStyle.Normal)));
            ShowSummary("Re-parse summary", lines);
        };
        progress.Show(App);
        progress.Start(_store.Path, (store, total, report, cancel) => store.ReparseAll(total, report, cancel));
    }

    private void ShowSummary(string title, List<StyledParagraph> lines)
    {
        var box = new MessageBox(title, lines) { PreferredWidth = 100, PreferredHeight = Math.Min(30, lines.Count + 8) };
        box.Show(App);
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
                Flash($"Wrote {Path.GetFullPath(StorePath.ExpandHome(path))}");
            }

            return error;
        };
        dialog.Show(App);
    }

    /// <summary>Copies the statement shown to the local clipboard through the terminal (OSC 52), which works over SSH.</summary>
    private void CopyStatement()
    {
        if ((_table.Source as StatementSource)?.Statement is not Statement statement)
        {
            return;
        }

        App.Write(Export.Osc52(Export.Csv(statement)));
        Flash($"Copied the {statement.Kind.ToTitle().ToLowerInvariant()} to the clipboard (OSC 52; the terminal must allow it)");
    }

    private void ShowLineHistory(int row)
    {
        if (_table.Source is not StatementSource src || row < 0 || row >= src.Statement.Rows.Count)
        {
            return;
        }

        var line = src.Statement.Rows[row];
        var box = new MessageBox("Line history", LineHistory.Build(line.Label, line.Concept, _store.History(line.Concept ?? line.Label, _summary?.CompanyId), Math.Min(90, App.Screen.Width) - 4)) { PreferredWidth = 90 };
        box.Show(App);
    }

    /// <summary>
    /// A damaged page, a lock or a full disk met while browsing is told in a dialog naming the store, and the app
    /// goes on; any other exception is a defect and ends the run (the terminal is restored either way).
    /// </summary>
    private bool ShowStoreProblem(Exception ex)
    {
        if (_store.Explain(ex) is not StoreException problem)
        {
            return false;
        }

        new MessageBox("Store problem", problem.Message) { PreferredWidth = 80 }.Show(App);
        return true;
    }

    private void ShowHelp()
    {
        var lines = KeyHelp.Build(App);
        lines.Add(new StyledParagraph(""));
        lines.Add(new StyledParagraph("Marks in the filing list: ✓ reconciled   ! a check failed   – no statements", LineStyle.Dim));
        var box = new MessageBox("Keys", lines) { PreferredWidth = 96 };
        box.Show(App);
    }

    private void ShowAbout()
    {
        var version = typeof(MainScreen).Assembly.GetName().Version?.ToString(3) ?? "";
        var lines = new List<StyledParagraph>
        {
            new($"FilingTui {version}", LineStyle.Heading),
            new("Quarterly earnings releases (8-K, Exhibit 99.1) read into a local SQLite store: statement tables extracted and checked against their own totals, business updates as text."),
            new(""),
            new($"Store: {_store.Path}"),
            new($"Filings: {_store.Count():N0}"),
            new($"Parser version: {Core.Import.ImportPipeline.ParserVersion}"),
        };
        var box = new MessageBox("About", lines);
        box.Show(App);
    }
}
