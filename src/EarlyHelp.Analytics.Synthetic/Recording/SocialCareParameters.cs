namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>
/// The escalation funnel: contact → referral → assessment → Child in Need plan, or section 47
/// enquiry → Child Protection plan, or becoming looked after. Probabilities are by the severity
/// (0–3) of the family's true child welfare need, tuned [A] so that the recorded city reproduces
/// DfE figures: referrals about 518 per 10,000 children a year, children in need 332.9 per 10,000
/// on 31 March 2024, CP plans 42.8 per 10,000, looked after 70 per 10,000 (27.5 starting a year),
/// S47 to CP plan about 28%, and early help about two children for every three in social care.
/// </summary>
internal static class SocialCareParameters
{
    /// <summary>Monthly probability of a contact from the public, family or a professional not otherwise modelled.</summary>
    public static readonly double[] DirectContact = [0.0006, 0.008, 0.02, 0.045];

    /// <summary>Log-odds that a contact is referred: intercept, per severity level, and after a referral within the last year.</summary>
    public const double ReferralIntercept = -0.9, ReferralPerLevel = 0.9, ReferralAfterRecentReferral = 0.5;

    /// <summary>Assessment outcome probabilities by severity: CP plan (after an S47 enquiry), looked after, CIN plan; the rest end with no further action.</summary>
    public static readonly double[] AssessedProtection = [0, 0.008, 0.06, 0.2], AssessedCare = [0, 0.005, 0.06, 0.15], AssessedInNeed = [0.15, 0.6, 0.65, 0.55];

    /// <summary>Probability that a contact not progressed, or an assessment with no further action, leads to early help when there is some need, and when there is none.</summary>
    public const double EarlyHelpWithNeed = 0.35, EarlyHelpWithoutNeed = 0.15;

    /// <summary>Monthly probability, by severity, that an agency's concern that did not go to social care leads it to ask early help to work with the family.</summary>
    public static readonly double[] EarlyHelpRequest = [0.01, 0.06, 0.1, 0.1];

    /// <summary>Length of an early help episode in months.</summary>
    public const int EarlyHelpShortestMonths = 4, EarlyHelpLongestMonths = 12;

    /// <summary>Monthly probability that a CIN plan closes, by severity.</summary>
    public static readonly double[] InNeedCloses = [0.1, 0.08, 0.06, 0.05];

    /// <summary>Monthly probability, at severe need, that a CIN plan steps up to a CP plan or to care.</summary>
    public const double InNeedToProtection = 0.07, InNeedToCare = 0.01;

    /// <summary>Monthly probability that a CP plan closes, by severity, and the share of closures stepping down to a CIN plan.</summary>
    public static readonly double[] ProtectionCloses = [0.13, 0.12, 0.09, 0.09];

    /// <summary>Share of closing CP plans that step down to a CIN plan.</summary>
    public const double ProtectionStepDown = 0.45;

    /// <summary>Monthly probability that a CP plan steps up to care, by severity.</summary>
    public static readonly double[] ProtectionToCare = [0, 0.002, 0.015, 0.03];

    /// <summary>Monthly probability that a looked-after episode ends, and the share of leavers who go on to a CIN plan.</summary>
    public const double CareEnds = 0.036, CareStepDown = 0.3;
}
