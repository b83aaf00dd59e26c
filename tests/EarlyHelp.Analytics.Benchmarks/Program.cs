using EarlyHelp.Analytics.Benchmarks;

return BenchmarkCommand.Run(args, Console.Out, Console.Error);
