using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Catalogue;

namespace EarlyHelp.Analytics.Cli.Catalogue;

/// <summary>
/// <c>earlyhelp catalogue check|show</c>: the dataset catalogue, for information governance and for whoever adds an
/// extract. The catalogue in use is the file <c>EARLYHELP_CATALOGUE</c> names, else the shipped one.
/// </summary>
internal static class CatalogueCommand
{
    /// <summary>Builds the verb and its sub-verbs.</summary>
    public static Command Create()
    {
        var command = new Command("catalogue",
            $"The dataset catalogue: each extract's columns, owner, lawful basis, retention and coverage. The catalogue in use is the " +
            $"YAML file {DatasetCatalogue.FileVariable} names, else the shipped one (docs/datasets.md).");
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Check()
    {
        var file = new Argument<FileInfo?>("FILE")
        {
            Description = $"A catalogue file to check; without it, the catalogue in use.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("check",
            "Check a catalogue file and list its datasets (code, agency, retention, refresh, lawful basis, coverage). A fault is " +
            "one line naming the file, line and column; exit code 1.");
        command.Arguments.Add(file);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file);
            var datasets = path is null
                ? DatasetCatalogue.All
                : CatalogueReader.Read(path.Exists ? File.ReadAllText(path.FullName) : throw new BadInputException(path.FullName, "no such file"), path.FullName);
            var output = parseResult.InvocationConfiguration.Output;
            var fingerprint = path is null ? DatasetCatalogue.Fingerprint : DatasetCatalogue.FingerprintOf(File.ReadAllText(path.FullName));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(path is null ? DatasetCatalogue.Source : path.FullName)}: a valid catalogue of {datasets.Count} datasets (sha256 {fingerprint[..12]}…)."));
            var table = new TextTable("dataset", "agency", "kept", "extracts", "lawful basis", "covers");
            foreach (var dataset in datasets)
            {
                table.Add(dataset.Code, dataset.Agency, $"{dataset.RetentionMonths} months", dataset.Refresh.Code(),
                    string.Join(", ", new[] { "6", dataset.LawfulBasis.Article9 is null ? null : "9", dataset.LawfulBasis.Article10 is null ? null : "10" }.OfType<string>()),
                    dataset.Coverage.Statement);
            }
            table.WriteTo(output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", "Print the catalogue in use, as its file reads, with where it came from.");
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine($"# {DatasetCatalogue.Source} (sha256 {DatasetCatalogue.Fingerprint})");
            output.Write(DatasetCatalogue.Text);
            return ExitCodes.Success;
        });
        return command;
    }
}
