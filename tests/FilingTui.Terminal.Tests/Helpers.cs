using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Views;

namespace FilingTui.Terminal.Tests;

internal sealed class ArraySource(params string[] items) : IListDataSource
{
    public int Count => items.Length;

    public string Render(int index, int width) => items[index];
}

internal static class Screens
{
    public static VirtualScreen Replay(FakeDriver driver)
    {
        var screen = new VirtualScreen(driver.Cols, driver.Rows);
        screen.Apply(driver.AllOutput);
        return screen;
    }

    /// <summary>Rows of the screen with their styles, for cell-by-cell assertions.</summary>
    public static string[] Rows(VirtualScreen s) => [.. Enumerable.Range(0, s.Height).Select(s.RowText)];

    public static Application App(FakeDriver driver, ColorProfile profile = ColorProfile.Ansi16)
    {
        var app = new Application(driver, profile);
        driver.Init();
        return app;
    }
}
