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

    /// <summary>An application with <paramref name="view"/> filling the fake screen, drawn once.</summary>
    public static Application Show(FakeDriver driver, View view, ColorProfile profile = ColorProfile.Ansi16)
    {
        var app = App(driver, profile);
        app.Add(view);
        app.Layout = (w, h) => view.Frame = new Rect(0, 0, w, h);
        app.DrawFrame();
        return app;
    }

    public static Application App(FakeDriver driver, ColorProfile profile = ColorProfile.Ansi16)
    {
        var app = new Application(driver, profile);
        driver.Init();
        return app;
    }
}
