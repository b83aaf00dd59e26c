using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages.Models;

/// <summary>
/// A model's <c>backtest.html</c> as the training pipeline wrote it. The page carries its own style block and inline SVG
/// charts, so this response alone allows inline styles; scripts, frames and form posts stay refused.
/// </summary>
public sealed class BacktestPageModel(HubConnections hub) : PageModel
{
    /// <summary>The policy of this response: the app's, with inline styles allowed for the report's own style block.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The page; 404 for an unknown model or a folder without it.</summary>
    public async Task<IActionResult> OnGetAsync(string name)
    {
        var registered = await hub.UseAsync(store => store.Models.Find(name), HttpContext.RequestAborted);
        if (registered is null)
            return NotFound();
        var path = Path.Combine(Path.GetFullPath(registered.Registration.Folder), Backtest.PageName);
        if (!System.IO.File.Exists(path))
            return NotFound();
        Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Content(await System.IO.File.ReadAllTextAsync(path, HttpContext.RequestAborted), "text/html; charset=utf-8");
    }
}
