using System.CommandLine;
using EarlyHelp.Analytics.Cli.Generate;
using EarlyHelp.Analytics.Cli.Ingest;
using EarlyHelp.Analytics.Cli.Link;
using EarlyHelp.Analytics.Cli.HubStats;
using EarlyHelp.Analytics.Cli.Features;
using EarlyHelp.Analytics.Cli.Learn;
using EarlyHelp.Analytics.Cli.Audit;
using EarlyHelp.Analytics.Cli.Training;
using EarlyHelp.Analytics.Cli.Models;
using EarlyHelp.Analytics.Cli.Score;
using EarlyHelp.Analytics.Cli.Serve;
using EarlyHelp.Analytics.Cli.Users;
using EarlyHelp.Analytics.Cli.AuditLog;
using EarlyHelp.Analytics.Cli.OptOut;
using EarlyHelp.Analytics.Cli.Demo;
using EarlyHelp.Analytics.Cli.LinkageEvaluation;
using EarlyHelp.Analytics.Cli.Retention;
using EarlyHelp.Analytics.Cli.People;
using EarlyHelp.Analytics.Cli.SubjectAccess;
using EarlyHelp.Analytics.Cli.DataQuality;
using EarlyHelp.Analytics.Cli.Records;
using EarlyHelp.Analytics.Cli.Catalogue;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>The list of verbs under <c>earlyhelp</c>; each verb lives in its own feature folder.</summary>
internal static class Verbs
{
    /// <summary>Every top-level verb, in the order <c>--help</c> lists them (the order of the data flow).</summary>
    public static IEnumerable<Command> All()
    {
        yield return GenerateCommand.Create();
        yield return IngestCommand.Create();
        yield return LinkCommand.Create();
        yield return HubCommand.Create();
        yield return CatalogueCommand.Create();
        yield return LinkageCommand.Create();
        yield return FeaturesCommand.Create();
        yield return LearnCommand.Create();
        yield return AuditCommand.Create();
        yield return TrainCommand.Create();
        yield return ModelsCommand.Create();
        yield return ScoreCommand.Create();
        yield return ServeCommand.Create();
        yield return UsersCommand.Create();
        yield return AuditLogCommand.Create();
        yield return OptOutCommand.Create();
        yield return RetentionCommand.Create();
        yield return PersonCommand.Create();
        yield return SubjectAccessCommand.Create();
        yield return QualityCommand.Create();
        yield return RecordCommand.Create();
        yield return DemoCommand.Create();
    }
}
