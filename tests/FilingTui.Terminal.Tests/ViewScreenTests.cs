using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;

namespace FilingTui.Terminal.Tests;

public class ViewScreenTests
{
    [Fact]
    public void ListView_draws_a_border_title_items_and_a_reverse_video_selection()
    {
        var driver = new FakeDriver(20, 5);
        var list = new ListView { Border = true, Title = "Filings", Source = new ArraySource("alpha", "beta", "gamma", "delta") };
        var app = Screens.Show(driver, list, ColorProfile.None);

        var screen = Screens.Replay(driver);
        Screens.Rows(screen).Should().Equal(
            "┌Filings───────────┐",
            "│▶alpha            │",
            "│ beta             │",
            "│ gamma            │",
            "└──────────────────┘");
        for (var x = 1; x < 19; x++)
        {
            screen[x, 1].Attr.Style.Should().HaveFlag(Style.Reverse, $"cell {x} of the selected row");
            screen[x, 2].Attr.Style.Should().NotHaveFlag(Style.Reverse);
        }

        driver.Enqueue(Key.Char('j'));
        driver.Enqueue(Key.Down);
        driver.Enqueue(Key.Down);
        app.RunIteration(TimeSpan.Zero);
        screen = Screens.Replay(driver);
        Screens.Rows(screen)[1..4].Should().Equal("│ beta             │", "│ gamma            │", "│▶delta            │");
        list.SelectedItem.Should().Be(3);
    }

    [Fact]
    public void TextView_wraps_to_the_pane_and_indents_bullets()
    {
        var driver = new FakeDriver(16, 6);
        var text = new TextView();
        text.SetText([new StyledParagraph("Update", LineStyle.Heading), new StyledParagraph("The quick brown fox jumps over"), new StyledParagraph("first bullet text", LineStyle.Bullet)]);
        var app = Screens.Show(driver, text);
        var screen = Screens.Replay(driver);
        Screens.Rows(screen).Should().Equal(
            "Update          ",
            "The quick brown ",
            "fox jumps over  ",
            "• first bullet  ",
            "  text          ",
            "                ");
        screen[0, 0].Attr.Style.Should().HaveFlag(Style.Bold);
    }

    [Fact]
    public void TextView_search_highlights_and_steps_with_n()
    {
        var driver = new FakeDriver(20, 3);
        var text = new TextView();
        text.SetText(string.Join("\n", Enumerable.Range(1, 30).Select(i => i % 10 == 0 ? $"line {i} myeloma" : $"line {i}")));
        var app = Screens.Show(driver, text, ColorProfile.None);
        text.Search("myeloma").Should().BeTrue();
        text.MatchCount.Should().Be(3);
        driver.Enqueue(Key.Char('n'));
        app.RunIteration(TimeSpan.Zero);
        text.CurrentMatch.Should().Be(1);
        var screen = Screens.Replay(driver);
        screen.Contains("line 20 myeloma").Should().BeTrue();
        var row = Enumerable.Range(0, 3).Single(y => screen.RowText(y).StartsWith("line 20", StringComparison.Ordinal));
        screen[8, row].Attr.Style.Should().HaveFlag(Style.Reverse);
    }

    [Fact]
    public void TableView_freezes_the_label_column_and_scrolls_the_rest()
    {
        var driver = new FakeDriver(30, 4);
        var table = new TableView { Source = new Grid() };
        var app = Screens.Show(driver, table);
        var before = Screens.Replay(driver);
        before.RowText(1).Should().StartWith(" Revenue").And.Contain("1,000");
        driver.Enqueue(Key.Char('l'));
        app.RunIteration(TimeSpan.Zero);
        var after = Screens.Replay(driver);
        after.RowText(1).Should().StartWith(" Revenue").And.NotContain("1,000").And.Contain("2,000");
    }

    [Fact]
    public void TableView_without_a_table_says_so_unless_its_caption_does()
    {
        var driver = new FakeDriver(30, 4);
        var table = new TableView();
        var app = Screens.Show(driver, table);
        Screens.Replay(driver).RowText(0).Should().StartWith(" (no table)");
        table.EmptyText = "";
        table.Caption = [(" Loading…", Drawing.Attribute.Normal)];
        app.SetNeedsDraw();
        app.RunIteration(TimeSpan.Zero);
        var screen = Screens.Replay(driver);
        screen.RowText(0).Should().StartWith(" Loading…");
        screen.Text().Should().NotContain("(no table)");
    }

    private sealed class Grid : ITableSource
    {
        public int Rows => 3;

        public int Columns => 5;

        public string ColumnName(int column) => column == 0 ? "" : $"Q{column} 2005";

        public string Cell(int row, int column) => column == 0 ? new[] { "Revenue", "Expenses", "Net loss" }[row] : $"{column},000";

        public Alignment Align(int column) => column == 0 ? Alignment.Left : Alignment.Right;
    }
}
