using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Analytics.Web.Pages;

/// <summary>The page shown for an error status: a plain heading and what to do next, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>The page's heading.</summary>
    public string Heading { get; private set; } = "";

    /// <summary>What happened and what to do.</summary>
    public string Message { get; private set; } = "";

    /// <summary>Shows the page for the status in the address, or for the status already set when re-executed after an error.</summary>
    public void OnGet() => Show();

    /// <summary>A status page re-executed for a POST (a refused form) is shown the same way.</summary>
    public void OnPost() => Show();

    /// <remarks>
    /// The code is read from the route, not bound: a form too large to read must not stop the page that says so.
    /// After an exception the handler has already set the status (e.g. 413 for an over-long form), and it wins.
    /// </remarks>
    private void Show()
    {
        var code = Response.StatusCode >= 400 ? Response.StatusCode
            : int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture, out var routed) ? routed : 404;
        (Heading, Message) = code switch
        {
            400 => ("The form could not be accepted",
                "It may have expired, or it did not come from this service. Nothing was saved. Go back, reload the page and try again."),
            403 => ("You do not have access to this page", "Your role does not include this page. Ask an administrator if you need it."),
            404 => ("Page not found", "Check the address and try again."),
            405 => ("That is not possible here", "This address does not take that kind of request."),
            413 => ("The form was too large", "Nothing was saved. Shorten what you entered and try again."),
            429 => ("Too many attempts", "Too many sign-in attempts came from your address. Wait a minute and try again."),
            _ => ("Sorry, there is a problem with the service", "Nothing was saved. Try again later."),
        };
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
    }
}
