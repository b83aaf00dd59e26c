namespace EarlyHelp.Analytics.Benchmarks;

/// <summary>Dispatches the benchmark named by the first argument.</summary>
internal static class BenchmarkCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            output.WriteLine("usage: EarlyHelp.Analytics.Benchmarks <benchmark> [options]");
            output.WriteLine("  gbdt --train T.csv --test X.csv [--trainer fasttree|lightgbm --trees 200 --leaves 31 --lr 0.1 --bins 255 --min-leaf 20 --threads 2 --repeats 3 --shap-rows 0 --stages 0|1 --label label]");
            output.WriteLine("  audit [--rows 1000000 --resamples 1000 --repeats 3 --top-fraction 0.05 --seed 2024 --csv PATH]");
            output.WriteLine("  features --hub HUB --as-of YYYY-MM-DD [--snapshots 8 --every-months 3 --repeats 3 --threads 2]");
            output.WriteLine("  linkage [--people 600000 --sources 4 --seed 1 --threads 2]");
            output.WriteLine("  partitions --postgres CONN [--people 20000 --months 48 --seed 1 --partitions 8 --workers 2]");
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            return args[0] switch
            {
                "gbdt" => GradientBoostingBenchmark.Run(BenchmarkArguments.Parse(args[1..]), output),
                "audit" => AuditBenchmark.Run(BenchmarkArguments.Parse(args[1..]), output),
                "features" => FeaturesBenchmark.Run(BenchmarkArguments.Parse(args[1..]), output),
                "linkage" => LinkageBenchmark.Run(BenchmarkArguments.Parse(args[1..]), output),
                "partitions" => PartitionsBenchmark.Run(BenchmarkArguments.Parse(args[1..]), output),
                _ => throw new ArgumentException($"Unknown benchmark '{args[0]}'; the benchmarks are: gbdt, audit, features, linkage, partitions."),
            };
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
    }
}
