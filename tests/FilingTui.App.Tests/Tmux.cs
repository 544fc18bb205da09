using System.Diagnostics;

namespace FilingTui.App.Tests;

/// <summary>
/// A real terminal for end-to-end tests: a private tmux server running a plain shell, into which the app is
/// started as a user would start it; keys are sent and the screen is read back as text.
/// </summary>
public sealed class Tmux : IDisposable
{
    private readonly string _socket = "filingtui-test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The shell's prompt (capture-pane drops the space after it).</summary>
    public const string Prompt = "READY$";

    public static bool Available { get; } = Which("tmux");

    public Tmux(int cols, int rows)
    {
        Run("new-session", "-d", "-s", "main", "-x", cols.ToString(), "-y", rows.ToString(), "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=xterm-256color PS1='" + Prompt + " ' bash --norc --noprofile -i");
        WaitForPrompt(TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits until the shell prompts again on the last line written.</summary>
    public string WaitForPrompt(TimeSpan? timeout = null) =>
        WaitUntil(s => s.TrimEnd().Split('\n')[^1].TrimEnd() == Prompt, "the shell's prompt", timeout);

    /// <summary>The command that starts the app built next to the tests, as `dotnet filingtui.dll`.</summary>
    public static string AppCommand(string db, string? frameLog = null)
    {
        var dotnet = FilingTui.App.Tests.Run.DotnetHost;
        var dll = FilingTui.App.Tests.Run.AppDll;
        var env = $"NO_COLOR=1 FILINGTUI_DB='{db}' DOTNET_ROOT='{Path.GetDirectoryName(dotnet)}'" + (frameLog is null ? "" : $" FILINGTUI_FRAME_LOG='{frameLog}'");
        return $"{env} '{dotnet}' exec '{dll}'";
    }

    /// <summary>Types a command line into the shell and runs it.</summary>
    public void Shell(string line)
    {
        Run("send-keys", "-t", "main", "-l", line);
        Run("send-keys", "-t", "main", "Enter");
    }

    /// <summary>Keys by tmux name ("F10", "Escape", "Enter", "M-f", "C-u"); any other word is typed as text. One write.</summary>
    public void Keys(params string[] keys) => Run(["send-keys", "-t", "main", .. keys]);

    /// <summary>
    /// Esc, then waits for <paramref name="what"/> to leave the screen: a key sent within 50 ms of Esc would reach the
    /// app as Alt+key, as it would from a person typing that fast.
    /// </summary>
    public void Escape(string what)
    {
        Keys("Escape");
        WaitUntil(s => !s.Contains(what, StringComparison.Ordinal), $"\"{what}\" to close");
    }

    public string Screen() => Run("capture-pane", "-p", "-t", "main");

    /// <summary>tmux's view of the pane: #{alternate_on}, #{cursor_flag}, #{pane_pid}.</summary>
    public string Display(string format) => Run("display-message", "-p", "-t", "main", format).Trim();

    public string WaitFor(string text, TimeSpan? timeout = null) => WaitUntil(s => s.Contains(text, StringComparison.Ordinal), $"\"{text}\"", timeout);

    /// <summary>
    /// Waits until the screen satisfies <paramref name="done"/> and has settled: tmux may parse one frame's write
    /// in pieces, so a capture can catch the top of a new frame over the bottom of the old one (a closed dialog's
    /// rows still showing). A screen counts only when the next capture, 50 ms later, is the same.
    /// </summary>
    public string WaitUntil(Func<string, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var screen = Screen();
        do
        {
            Thread.Sleep(50);
            var next = Screen();
            if (next == screen && done(screen))
            {
                return screen;
            }

            screen = next;
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"waited for {what}; the screen shows:\n{screen}");
    }

    /// <summary>The app's process: the shell's child.</summary>
    public int AppPid()
    {
        var shell = Display("#{pane_pid}");
        var children = File.ReadAllText($"/proc/{shell}/task/{shell}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return int.Parse(children.Single());
    }

    private string Run(params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(_socket);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {error}");
        }

        return output;
    }

    private static bool Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
        }
    }
}
