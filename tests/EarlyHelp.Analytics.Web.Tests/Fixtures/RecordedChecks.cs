using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// Stands in for the training pipeline's promotion checks where a test drives the app's proposal flow: the real checks
/// load a trained model folder (they are tested on trained cities in Pipelines.Tests/Promotion); these hand back the
/// evidence given and count the calls, so that a test can see the app records exactly what the checks returned.
/// </summary>
public sealed class RecordedChecks(ProposalEvidence evidence) : IProposalChecks
{
    /// <summary>How many times the app ran the checks.</summary>
    public int Calls { get; private set; }

    /// <summary>Passing checks with one fairness flag, <see cref="SampleHub.ModelFlag"/>.</summary>
    public static RecordedChecks Passing() => new(new ProposalEvidence(
        [
            new ProposalCheck("beats the logistic regression", true, "AUC +0.031 (95% interval +0.012 to +0.050; must lie above 0)"),
            new ProposalCheck("calibrated", true, "calibration gate: pass"),
        ], [SampleHub.ModelFlag]));

    /// <inheritdoc />
    public ProposalEvidence Check(IHubStore store, string name, string by, string note)
    {
        Calls++;
        return evidence;
    }
}
