using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>How one kind of extract file is loaded: the hub table it fills, its row parser, and the load method its batches go to.</summary>
internal abstract class FileLoader
{
    /// <summary>The hub table the file fills.</summary>
    public abstract string Table { get; }

    /// <summary>
    /// Reads every row of <paramref name="csv"/>, sends valid rows to <paramref name="pipeline"/> as file
    /// <paramref name="file"/>, and reports rows read; returns the rows dropped by retention.
    /// </summary>
    public abstract long Load(ExtractCsv csv, IngestContext context, LoadPipeline pipeline, int file, Action<long> rowsRead);

    /// <summary>The loader of a register file.</summary>
    public static FileLoader For(RegisterLayout register) => Registers[register.FileName];

    /// <summary>The loader of an agency extract of <paramref name="dataset"/>.</summary>
    public static FileLoader For(DatasetDefinition dataset) =>
        new FileLoader<SourceEvent>("event", (csv, context) => new EventParser(csv, context, dataset), (load, rows) => load.AddEvents(dataset.Code, rows));

    private static readonly Dictionary<string, FileLoader> Registers = new(StringComparer.Ordinal)
    {
        [RegisterFiles.Households.FileName] = new FileLoader<Household>("household",
            (csv, context) => new HouseholdParser(csv, context), static (load, rows) => load.AddHouseholds(rows)),
        [RegisterFiles.People.FileName] = new FileLoader<Person>("person",
            (csv, context) => new PersonParser(csv, context), static (load, rows) => load.AddPeople(rows)),
        [RegisterFiles.PeopleProtected.FileName] = new FileLoader<ProtectedCharacteristics>("person_protected",
            (csv, context) => new ProtectedCharacteristicsParser(csv, context), static (load, rows) => load.AddProtectedCharacteristics(rows)),
        [RegisterFiles.PeopleIdentity.FileName] = new FileLoader<PersonIdentity>("person_identity",
            (csv, context) => new IdentityParser(csv, context), static (load, rows) => load.AddIdentities(rows)),
        [RegisterFiles.Residences.FileName] = new FileLoader<Residence>("residence",
            (csv, context) => new ResidenceParser(csv, context), static (load, rows) => load.AddResidences(rows)),
        [RegisterFiles.Families.FileName] = new FileLoader<FamilyId>("family",
            (csv, context) => new FamilyParser(csv, context), static (load, rows) => load.AddFamilies(rows)),
        [RegisterFiles.FamilyMembers.FileName] = new FileLoader<FamilyMembership>("family_member",
            (csv, context) => new FamilyMembershipParser(csv, context), static (load, rows) => load.AddFamilyMemberships(rows)),
    };
}

/// <summary>A <see cref="FileLoader"/> for rows of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The hub row type.</typeparam>
internal sealed class FileLoader<T>(string table, Func<ExtractCsv, IngestContext, IRowParser<T>> createParser, BatchWriter<T> writer) : FileLoader
{
    /// <summary>Rows between progress reports.</summary>
    private const int ReportEvery = 16 * LoadPipeline.BatchSize;

    /// <inheritdoc />
    public override string Table => table;

    /// <inheritdoc />
    public override long Load(ExtractCsv csv, IngestContext context, LoadPipeline pipeline, int file, Action<long> rowsRead)
    {
        var parser = createParser(csv, context);
        var batch = pipeline.Start(file, writer);
        while (csv.Read())
        {
            if (parser.TryRead(out var row))
                batch.Add(row);
            if (csv.Rows % ReportEvery == 0)
                rowsRead(csv.Rows);
        }
        batch.Flush();
        return parser.DroppedByRetention;
    }
}
