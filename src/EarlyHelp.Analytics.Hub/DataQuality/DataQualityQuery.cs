namespace EarlyHelp.Analytics.Hub.DataQuality;

/// <summary>
/// A data-quality query: a panel member reviewing a prompt said the data looks wrong, and the dataset's owner is asked to
/// check. Its dataset is the one the review named, or null until a steward routes it.
/// </summary>
/// <param name="Id">The query's number.</param>
/// <param name="Prompt">The prompt whose review raised it.</param>
/// <param name="Review">The review that raised it.</param>
/// <param name="Dataset">The dataset code, or null while not yet routed to one.</param>
/// <param name="Owner">The dataset's owner (its agency in the catalogue), or null while not routed.</param>
/// <param name="WhatLooksWrong">What looks wrong, in the reviewer's words.</param>
/// <param name="RaisedBy">The reviewer.</param>
/// <param name="RaisedAt">When the review was recorded.</param>
/// <param name="Status">Where it stands.</param>
public sealed record DataQualityQuery(
    long Id, string Prompt, long Review, string? Dataset, string? Owner, string WhatLooksWrong, string RaisedBy, DateTimeOffset RaisedAt,
    DataQualityStatus Status);

/// <summary>One step of a query's life: raised, routed or moved, by whom, when and why.</summary>
/// <param name="Query">The query.</param>
/// <param name="Status">The status after the step.</param>
/// <param name="Dataset">The dataset after the step (routing changes it).</param>
/// <param name="Actor">Who took the step.</param>
/// <param name="At">When.</param>
/// <param name="Note">Why, in their words.</param>
public sealed record DataQualityStep(long Query, DataQualityStatus Status, string? Dataset, string Actor, DateTimeOffset At, string Note);

/// <summary>One row of the per-dataset report: how many queries were raised and where they stand.</summary>
/// <param name="Dataset">The dataset code, or null for queries not yet routed.</param>
/// <param name="Owner">Its owner, or null.</param>
/// <param name="Raised">Queries raised.</param>
/// <param name="Open">Still open.</param>
/// <param name="Confirmed">Confirmed and awaiting the fix at source.</param>
/// <param name="FixedAtSource">Fixed at source.</param>
/// <param name="NotAnError">Found not to be an error.</param>
public sealed record DataQualityReportRow(string? Dataset, string? Owner, int Raised, int Open, int Confirmed, int FixedAtSource, int NotAnError);

/// <summary>What became of a request to move or route a query.</summary>
public enum DataQualityChange
{
    /// <summary>Done and audited.</summary>
    Done,

    /// <summary>No query has that number.</summary>
    NotFound,

    /// <summary>The query's status does not allow the move (e.g. it is already final).</summary>
    NotAllowed,

    /// <summary>The dataset code is not in the hub's catalogue.</summary>
    UnknownDataset,
}
