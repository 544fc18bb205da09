// The command-line tests redirect Console.Out, which is process-wide.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
