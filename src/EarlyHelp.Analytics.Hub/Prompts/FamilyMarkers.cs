using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>A kind of marker the queue shows beside a prompt and filters by.</summary>
public enum MarkerKind
{
    /// <summary>An early help episode is open at T.</summary>
    OpenToEarlyHelp,

    /// <summary>The latest early help episode ended in the 12 months before T, and none is open.</summary>
    EarlyHelpEnded,

    /// <summary>A Child in Need or Child Protection plan, or a period looked after, ended before T.</summary>
    SocialCareEnded,

    /// <summary>A referral to children's social care, or a contact with its front door, in the 12 months before T.</summary>
    SocialCareContact,
}

/// <summary>One marker of a prompt, in plain words, e.g. "Children's social care involvement ended 4 months ago".</summary>
/// <param name="Kind">The kind of marker.</param>
/// <param name="Text">The marker in plain words.</param>
public sealed record FamilyMarker(MarkerKind Kind, string Text);

/// <summary>The markers a family's context carries, and the codes and names the queue's filter uses.</summary>
public static class FamilyMarkers
{
    /// <summary>Every kind, in the order the queue lists them.</summary>
    public static IReadOnlyList<MarkerKind> All { get; } = Enum.GetValues<MarkerKind>();

    /// <summary>The code of a kind in the queue's address, e.g. <c>open_early_help</c>.</summary>
    public static string Code(this MarkerKind kind) => kind switch
    {
        MarkerKind.OpenToEarlyHelp => "open_early_help",
        MarkerKind.EarlyHelpEnded => "early_help_ended",
        MarkerKind.SocialCareEnded => "social_care_ended",
        _ => "social_care_contact",
    };

    /// <summary>The kind's name in the filter, e.g. "Open to early help".</summary>
    public static string PlainName(this MarkerKind kind) => kind switch
    {
        MarkerKind.OpenToEarlyHelp => "Open to early help",
        MarkerKind.EarlyHelpEnded => "Early help ended in the last 12 months",
        MarkerKind.SocialCareEnded => "Children's social care involvement ended",
        _ => "Children's social care front door in the last 12 months",
    };

    /// <summary>Parses a code; false for anything else.</summary>
    public static bool TryParse(string? code, out MarkerKind kind)
    {
        kind = All.FirstOrDefault(k => k.Code() == code);
        return All.Any(k => k.Code() == code);
    }

    /// <summary>The markers of <paramref name="context"/>, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<FamilyMarker> Of(PromptContext context)
    {
        var markers = new List<FamilyMarker>();
        var earlyHelp = context.Records.Where(r => r.Dataset == DatasetCatalogue.EarlyHelpEpisode).ToArray();
        var asOf = context.AsOf;
        if (earlyHelp.Any(r => r.IsOpenAt(asOf)))
            markers.Add(new(MarkerKind.OpenToEarlyHelp, "Open to early help"));
        else if (earlyHelp.Where(r => r.End is { } end && end < asOf && end >= context.RecentStart).Max(r => r.End) is { } ended)
            markers.Add(new(MarkerKind.EarlyHelpEnded, $"Early help ended {Ago(ended, asOf)}"));
        // Families with a plan or a placement open at T are not scored, so an outcome record here has ended.
        if (context.Records.Where(r => r.Definition?.Kind == DatasetKind.Outcome && r.End < asOf).Max(r => r.End) is { } careEnded)
            markers.Add(new(MarkerKind.SocialCareEnded, $"Children's social care involvement ended {Ago(careEnded, asOf)}"));
        if (context.Records.Where(r => r.Dataset is "csc.referral" or "csc.contact_not_progressed" && r.Start >= context.RecentStart).Max(r => (DateOnly?)r.Start) is { } contact)
            markers.Add(new(MarkerKind.SocialCareContact, $"Children's social care front door {Ago(contact, asOf)}"));
        return markers;
    }

    /// <summary>
    /// How long before <paramref name="asOf"/> a date was, in whole calendar months: "less than a month ago",
    /// "1 month ago", "4 months ago". A month has passed on the same day of the next month (31 Jan to 29 Feb is not yet one).
    /// </summary>
    public static string Ago(DateOnly date, DateOnly asOf)
    {
        var months = asOf.Year * 12 + asOf.Month - (date.Year * 12 + date.Month) - (asOf.Day < date.Day ? 1 : 0);
        return months switch
        {
            <= 0 => "less than a month ago",
            1 => "1 month ago",
            _ => string.Create(CultureInfo.InvariantCulture, $"{months} months ago"),
        };
    }
}
