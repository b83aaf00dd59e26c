using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Needs;
using EarlyHelp.Analytics.Synthetic.Population;
using static EarlyHelp.Analytics.Synthetic.Recording.SocialCareParameters;

namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>
/// Children's social care and early help for one family in one month. A referral needs a contact,
/// and a contact mostly comes from another agency's record, so escalation depends on true need
/// and on what was observed. Decisions apply to every dependent child of the family.
/// </summary>
internal sealed class SocialCareFunnel(Visibility visibility)
{
    private static readonly int[] PlanDatasets = [-1, Datasets.ChildInNeedPlan, Datasets.ChildProtectionPlan, Datasets.LookedAfter];

    /// <summary>Runs the month for <paramref name="family"/>, using the concerns raised by this month's records.</summary>
    public void Step(MonthContext context, SimFamily family)
    {
        var care = family.Care;
        var hasChildren = family.CountInRole(FamilyRole.Child) > 0;
        if (hasChildren)
        {
            var level = NeedModel.Level(family.Household.Welfare);
            var visible = visibility.Of(family);
            if (care.AssessmentDue == context.Month)
            {
                care.AssessmentDue = -1;
                Assess(context, family, level);
            }
            else
                Review(context, family, level);
            if (care.Status == CareStatus.None && care.AssessmentDue < 0)
                Contact(context, family, level, visible);
            // A baby born into a family on a CIN or CP plan joins the plan (plans often start before birth);
            // a baby is not taken into care just because its siblings are.
            if (care.Status is CareStatus.ChildInNeed or CareStatus.ChildProtection)
                KeepChildrenOnPlan(context, family);
        }
        else if (care.Status != CareStatus.None)
            SetStatus(context, family, CareStatus.None, context.FirstDay);
        care.NoContactChance = 1;
        care.FirstConcernDay = 0;
    }

    private static void Contact(MonthContext context, SimFamily family, int level, double visible)
    {
        var care = family.Care;
        var random = context.Lineage.Observation;
        var direct = Math.Min(1, DirectContact[level] * visible);
        if (!random.Chance(1 - care.NoContactChance * (1 - direct)))
        {
            if (care.NoContactChance < 1 && random.Chance(EarlyHelpRequest[level]))
                StartEarlyHelp(context, family, care.FirstConcernDay);
            return;
        }

        var day = (care.FirstConcernDay > 0 ? care.FirstConcernDay : context.RandomDay()) + random.NextInt(3);
        var recent = care.LastReferral >= 0 && context.Month - care.LastReferral < 12;
        var logit = ReferralIntercept + ReferralPerLevel * level + (recent ? ReferralAfterRecentReferral : 0) + Math.Log(visible);
        if (random.Chance(1 / (1 + Math.Exp(-logit))))
        {
            RecordForChildren(context, family, Datasets.Referral, day);
            care.AssessmentDue = context.Month + 1;
            care.LastReferral = context.Month;
            care.Referrals++;
            return;
        }
        RecordForChildren(context, family, Datasets.ContactNotProgressed, day);
        OfferEarlyHelp(context, family, level, day);
    }

    private static void Assess(MonthContext context, SimFamily family, int level)
    {
        var random = context.Lineage.Observation;
        var day = context.RandomDay();
        var draw = random.NextDouble();
        if (draw < AssessedProtection[level])
            SetStatus(context, family, CareStatus.ChildProtection, day);
        else if (draw < AssessedProtection[level] + AssessedCare[level])
            SetStatus(context, family, CareStatus.LookedAfter, day);
        else if (draw < AssessedProtection[level] + AssessedCare[level] + AssessedInNeed[level])
            SetStatus(context, family, CareStatus.ChildInNeed, day);
        else
            OfferEarlyHelp(context, family, level, day);
    }

    private static void Review(MonthContext context, SimFamily family, int level)
    {
        var random = context.Lineage.Observation;
        switch (family.Care.Status)
        {
            case CareStatus.ChildInNeed:
                if (random.Chance(InNeedCloses[level]))
                    SetStatus(context, family, CareStatus.None, context.RandomDay());
                else if (level == 3 && random.Chance(InNeedToProtection))
                    SetStatus(context, family, CareStatus.ChildProtection, context.RandomDay());
                else if (level == 3 && random.Chance(InNeedToCare))
                    SetStatus(context, family, CareStatus.LookedAfter, context.RandomDay());
                break;
            case CareStatus.ChildProtection:
                if (random.Chance(ProtectionToCare[level]))
                    SetStatus(context, family, CareStatus.LookedAfter, context.RandomDay());
                else if (random.Chance(ProtectionCloses[level]))
                    SetStatus(context, family, random.Chance(ProtectionStepDown) ? CareStatus.ChildInNeed : CareStatus.None, context.RandomDay());
                break;
            case CareStatus.LookedAfter:
                if (random.Chance(CareEnds))
                    SetStatus(context, family, random.Chance(CareStepDown) ? CareStatus.ChildInNeed : CareStatus.None, context.RandomDay());
                break;
        }
    }

    private static void OfferEarlyHelp(MonthContext context, SimFamily family, int level, int day)
    {
        var care = family.Care;
        var random = context.Lineage.Observation;
        if (random.Chance(level >= 1 ? EarlyHelpWithNeed : EarlyHelpWithoutNeed))
            StartEarlyHelp(context, family, day);
    }

    private static void StartEarlyHelp(MonthContext context, SimFamily family, int day)
    {
        var care = family.Care;
        var random = context.Lineage.Observation;
        if (care.EarlyHelpUntil >= context.Month)
            return;
        var months = random.NextInt(EarlyHelpShortestMonths, EarlyHelpLongestMonths);
        care.EarlyHelpUntil = context.Month + months;
        foreach (var child in family.InRole(FamilyRole.Child))
        {
            if (!context.HasOpenSpell(child, Datasets.EarlyHelp))
                context.Record(Datasets.EarlyHelp, child, day, day + months * 30 + random.NextInt(30), float.NaN, spell: true);
        }
    }

    /// <summary>Ends the current plan on <paramref name="day"/> and starts <paramref name="status"/> for every dependent child.</summary>
    private static void SetStatus(MonthContext context, SimFamily family, CareStatus status, int day)
    {
        var care = family.Care;
        if (care.Status != CareStatus.None)
        {
            var ending = PlanDatasets[(int)care.Status];
            foreach (var member in family.Members)
            {
                if (context.HasOpenSpell(member, ending))
                    context.EndSpell(member, ending, day);
            }
        }
        care.Status = status;
        care.StatusSince = context.Month;
        if (status != CareStatus.None)
            KeepChildrenOnPlan(context, family, day);
    }

    /// <summary>Puts every dependent child without an open record of the family's plan on it (from birth, for a newborn).</summary>
    private static void KeepChildrenOnPlan(MonthContext context, SimFamily family, int day = 0)
    {
        if (family.Care.Status == CareStatus.None)
            return;
        var dataset = PlanDatasets[(int)family.Care.Status];
        foreach (var child in family.InRole(FamilyRole.Child))
        {
            if (context.HasOpenSpell(child, dataset))
                continue;
            var start = Math.Max(day > 0 ? day : context.FirstDay, HouseholdFounder.BirthDate(child));
            context.Record(dataset, child, start, Days.Open, float.NaN, spell: true);
        }
    }

    private static void RecordForChildren(MonthContext context, SimFamily family, int dataset, int day)
    {
        foreach (var child in family.InRole(FamilyRole.Child))
            context.Record(dataset, child, Math.Max(day, HouseholdFounder.BirthDate(child)), Days.None, float.NaN, spell: false);
    }
}
