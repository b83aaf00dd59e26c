using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EarlyHelp.Analytics.Core.Catalogue;

/// <summary>
/// Reads a dataset catalogue file (YAML, version 1; the shipped one is <c>Catalogue/datasets.yaml</c>) into
/// dataset definitions, refusing anything the hub could not load as written: unknown or missing fields, an
/// unknown system, category, kind or refresh, a date format that cannot read its own dates, two datasets with one
/// code or one file, outcomes before sources, or a catalogue without the datasets escalation is defined by.
/// </summary>
public static class CatalogueReader
{
    /// <summary>The only catalogue format version this program reads.</summary>
    public const int Version = 1;

    /// <summary>The oldest age a coverage may name; a source without <c>covered_ages</c> covers 0 to this.</summary>
    public const int OldestAge = 120;

    private static readonly Dictionary<string, ProblemCategory> Categories =
        Enum.GetValues<ProblemCategory>().ToDictionary(c => c.Code(), StringComparer.Ordinal);

    private static readonly Dictionary<string, DatasetKind> Kinds =
        Enum.GetValues<DatasetKind>().ToDictionary(k => k.Code(), StringComparer.Ordinal);

    private static readonly Dictionary<string, ExtractRefresh> Refreshes =
        Enum.GetValues<ExtractRefresh>().ToDictionary(r => r.Code(), StringComparer.Ordinal);

    /// <summary>The datasets escalation and its features are defined by: every catalogue must hold them.</summary>
    private static readonly (string Code, DatasetKind Kind)[] RequiredDatasets =
    [
        (DatasetCatalogue.EarlyHelpEpisode, DatasetKind.Service), (DatasetCatalogue.ChildInNeedPlan, DatasetKind.Outcome),
        (DatasetCatalogue.ChildProtectionPlan, DatasetKind.Outcome), (DatasetCatalogue.LookedAfter, DatasetKind.Outcome),
    ];

    /// <summary>Reads the catalogue in <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="BadInputException">The file is not a valid catalogue; the message names the line and column.</exception>
    public static IReadOnlyList<DatasetDefinition> Read(string text, string file)
    {
        var root = Parse(text, file);
        var top = new YamlFields(file, root, "the catalogue", "version", "systems", "datasets");
        var version = top.RequiredInteger("version", 1, int.MaxValue);
        if (version != Version)
            throw top.ValueFault("version", $"catalogue version {version} is not one this program reads (it reads version {Version})");

        var systems = ReadSystems(file, top.RequiredNode("systems"));
        var list = top.RequiredNode("datasets") as YamlSequenceNode
            ?? throw YamlFields.At(file, top.RequiredNode("datasets"), "'datasets' must be a list of '- code: …' entries");
        var datasets = list.Children.Select(node => ReadDataset(file, node, systems)).ToArray();
        CheckWhole(file, list, datasets);
        return datasets;
    }

    private static YamlNode Parse(string text, string file)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException fault)
        {
            throw new BadInputException(file, checked((int)fault.Start.Line), checked((int)fault.Start.Column), $"not valid YAML: {fault.Message}");
        }
        catch (InvalidOperationException)
        {
            throw new BadInputException(file, checked((int)parser.LastGood.Line), checked((int)parser.LastGood.Column),
                "not valid YAML: the file cannot be read on after this point (an unclosed '{' or '[' is the usual cause)");
        }

        return stream.Documents.Count == 1 ? stream.Documents[0].RootNode : throw new BadInputException(file, "the file must hold exactly one YAML document");
    }

    private static Dictionary<string, SystemConventions> ReadSystems(string file, YamlNode node)
    {
        var mapping = node as YamlMappingNode ?? throw YamlFields.At(file, node, "'systems' must map each system's key to its conventions");
        var systems = new Dictionary<string, SystemConventions>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            var fields = new YamlFields(file, value, $"system '{name}'", "agency", "date_format", "record_column", "person_column",
                "identity", "information_asset_owner", "sharing_agreement");
            var identity = new YamlFields(file, fields.RequiredNode("identity"), $"the identity columns of system '{name}'",
                "forename", "surname", "birth_date", "postcode", "sex", "address", "uprn", "nhs_number");
            var dateFormat = fields.Required("date_format");
            if (!ReadsItsOwnDates(dateFormat))
                throw fields.ValueFault("date_format", $"'{dateFormat}' is not a date format that can read back the dates it writes (e.g. dd/MM/yyyy)");
            systems[name] = new SystemConventions(
                fields.Required("agency"), dateFormat, fields.Required("record_column"), fields.Required("person_column"),
                new IdentityColumns(identity.Required("forename"), identity.Required("surname"), identity.Required("birth_date"), identity.Required("postcode"))
                {
                    Sex = identity.Optional("sex"),
                    Address = identity.Optional("address"),
                    Uprn = identity.Optional("uprn"),
                    NhsNumber = identity.Optional("nhs_number"),
                },
                fields.Required("information_asset_owner"), fields.Required("sharing_agreement"));
        }

        return systems;
    }

    private static DatasetDefinition ReadDataset(string file, YamlNode node, Dictionary<string, SystemConventions> systems)
    {
        var code = (node as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("code"), out var codeNode) == true ? (codeNode as YamlScalarNode)?.Value : null;
        var fields = new YamlFields(file, node, code is null ? "a dataset" : $"dataset '{code}'", "code", "name", "system", "category", "kind",
            "file", "start_date", "end_date", "value", "value_meaning", "retention_months", "refresh", "coverage", "covered_ages",
            "lawful_basis", "contact", "information_asset_owner", "sharing_agreement");
        var systemKey = fields.Required("system");
        var system = systems.GetValueOrDefault(systemKey)
            ?? throw fields.ValueFault("system", $"system '{systemKey}' is not under 'systems' ({string.Join(", ", systems.Keys)})");
        var fileName = fields.Required("file");
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.IndexOfAny(['/', '\\']) >= 0)
            throw fields.ValueFault("file", $"'{fileName}' must be a CSV file name inside the extract folder (no folders)");
        var basis = new YamlFields(file, fields.RequiredNode("lawful_basis"), $"the lawful basis of dataset '{code}'", "article_6", "article_9", "article_10");
        var valueColumn = fields.Optional("value");
        var valueMeaning = fields.Optional("value_meaning");
        if ((valueColumn is null) != (valueMeaning is null))
            throw fields.ValueFault(valueColumn is null ? "value_meaning" : "value", "'value' and 'value_meaning' go together: name both or neither");

        var dataset = new DatasetDefinition
        {
            Code = fields.Required("code"),
            Name = fields.Required("name"),
            Agency = system.Agency,
            Category = fields.RequiredCode("category", Categories),
            Kind = fields.RequiredCode("kind", Kinds),
            RetentionMonths = fields.RequiredInteger("retention_months", 1, 1200),
            ValueMeaning = valueMeaning,
            Refresh = fields.RequiredCode("refresh", Refreshes),
            Coverage = ReadCoverage(fields),
            InformationAssetOwner = fields.Optional("information_asset_owner") ?? system.InformationAssetOwner,
            SharingAgreement = fields.Optional("sharing_agreement") ?? system.SharingAgreement,
            LawfulBasis = new LawfulBasis(basis.Required("article_6"), basis.Optional("article_9"), basis.Optional("article_10")),
            Layout = new ExtractLayout
            {
                FileName = fileName,
                RecordIdColumn = system.RecordColumn,
                PersonIdColumn = system.PersonColumn,
                StartDateColumn = fields.Required("start_date"),
                EndDateColumn = fields.Optional("end_date"),
                ValueColumn = valueColumn,
                DateFormat = system.DateFormat,
                Identity = system.Identity,
                Contact = ReadContact(file, fields, code),
            },
        };
        if ((dataset.Kind == DatasetKind.Outcome) != (dataset.Category == ProblemCategory.StatutoryCare))
            throw fields.ValueFault("category", "outcome datasets, and only they, have the category statutory_care");
        var repeated = dataset.Layout.Columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw YamlFields.At(file, node, $"dataset '{dataset.Code}' names the column '{repeated.Key}' twice (its system's columns included)");
        return dataset;
    }

    /// <summary>The coverage statement, and the ages it covers written "A to B" (everyone when not given).</summary>
    private static SourceCoverage ReadCoverage(YamlFields fields)
    {
        var statement = fields.Required("coverage");
        if (fields.Optional("covered_ages") is not { } ages)
            return new SourceCoverage(statement, 0, OldestAge);
        var parts = ages.Split(" to ", StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var youngest)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var oldest) && youngest <= oldest && oldest <= OldestAge)
            return new SourceCoverage(statement, youngest, oldest);
        throw fields.ValueFault("covered_ages", $"'covered_ages' must read 'A to B' with whole years from 0 to {OldestAge}, A no more than B, not '{ages}'");
    }

    /// <summary>The columns naming the allocated worker or team, for case systems that hold them; null when not given.</summary>
    private static ContactColumns? ReadContact(string file, YamlFields fields, string? code)
    {
        if (!fields.Has("contact"))
            return null;
        var contact = new YamlFields(file, fields.RequiredNode("contact"), $"the contact columns of dataset '{code}'", "worker", "role", "team", "phone", "email");
        var columns = new ContactColumns(contact.Optional("worker"), contact.Optional("role"), contact.Optional("team"), contact.Optional("phone"), contact.Optional("email"));
        return columns.InFileOrder.Count > 0 ? columns : throw YamlFields.At(file, contact.Node, $"the contact of dataset '{code}' names no column");
    }

    private static void CheckWhole(string file, YamlSequenceNode list, DatasetDefinition[] datasets)
    {
        for (var i = 0; i < datasets.Length; i++)
        {
            var earlier = datasets.Take(i);
            if (earlier.Any(d => d.Code == datasets[i].Code))
                throw YamlFields.At(file, list.Children[i], $"dataset code '{datasets[i].Code}' is used twice");
            if (earlier.Any(d => string.Equals(d.Layout.FileName, datasets[i].Layout.FileName, StringComparison.OrdinalIgnoreCase)))
                throw YamlFields.At(file, list.Children[i], $"file '{datasets[i].Layout.FileName}' belongs to two datasets");
            if (datasets[i].Kind != DatasetKind.Outcome && earlier.Any(d => d.Kind == DatasetKind.Outcome))
                throw YamlFields.At(file, list.Children[i], $"dataset '{datasets[i].Code}' comes after an outcome: list the outcome datasets last");
        }

        foreach (var (code, kind) in RequiredDatasets)
        {
            if (!datasets.Any(d => d.Code == code && d.Kind == kind))
                throw YamlFields.At(file, list, $"the catalogue must hold the {kind.Code()} dataset '{code}': escalation and its features are defined by it");
        }
    }

    private static bool ReadsItsOwnDates(string format)
    {
        var sample = new DateOnly(2024, 2, 29);
        try
        {
            var text = sample.ToString(format, CultureInfo.InvariantCulture);
            return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == sample;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The conventions of one agency system, shared by every dataset it sends.</summary>
    private sealed record SystemConventions(
        string Agency, string DateFormat, string RecordColumn, string PersonColumn, IdentityColumns Identity,
        string InformationAssetOwner, string SharingAgreement);
}
