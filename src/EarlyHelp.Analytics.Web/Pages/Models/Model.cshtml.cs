using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Models;

/// <summary>One model: its registry row, the proposals and decisions on it, its fairness summary, drift and model card.</summary>
public sealed class ModelModel(HubConnections hub, IServiceProvider services) : PageModel
{
    /// <summary>The registry row.</summary>
    public RegisteredModel Registered { get; private set; } = null!;

    /// <summary>Its proposals, oldest first.</summary>
    public IReadOnlyList<ModelProposal> Proposals { get; private set; } = [];

    /// <summary>Whether this server runs the promotion checks, so that an analyst can propose here.</summary>
    public bool ChecksAvailable => services.GetService<IProposalChecks>() is not null;

    /// <summary>What its folder holds.</summary>
    public ModelFolderFiles Files { get; private set; } = null!;

    /// <summary>Reads the model; 404 when no model has this name.</summary>
    public async Task<IActionResult> OnGetAsync(string name)
    {
        using (var lease = await hub.BorrowAsync(HttpContext.RequestAborted))
        {
            if (lease.Store.Models.Find(name) is not { } registered)
                return NotFound();
            Registered = registered;
            Proposals = lease.Store.Models.Proposals(name);
        }
        Files = ModelFolderFiles.Read(Registered.Registration.Folder);
        return Page();
    }
}
