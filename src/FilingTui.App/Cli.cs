using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.App;

public static class Cli
{
    public static int Run(string[] args)
    {
        var r = ImportPipeline.Parse(File.ReadAllBytes(args[1]));
        Console.WriteLine(FilingJson.Write(r.Filing!));
        return 0;
    }
}
