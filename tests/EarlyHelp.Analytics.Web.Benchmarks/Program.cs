using EarlyHelp.Analytics.Web.Benchmarks;

return PanelBenchmark.Run(args, Console.Out, Console.Error);
