using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Models;

/// <summary>The model registry for analysts and information governance: every model, and the proposals awaiting a sign-off.</summary>
public sealed class IndexModel(HubConnections hub) : PageModel
{
    /// <summary>Every registered model, newest first.</summary>
    public IReadOnlyList<RegisteredModel> Models { get; private set; } = [];

    /// <summary>Proposals awaiting information governance.</summary>
    public IReadOnlyList<ModelProposal> Open { get; private set; } = [];

    /// <summary>Reads the registry.</summary>
    public async Task OnGetAsync()
    {
        using var lease = await hub.BorrowAsync(HttpContext.RequestAborted);
        Models = [.. lease.Store.Models.List().Reverse()];
        Open = lease.Store.Models.OpenProposals();
    }
}
