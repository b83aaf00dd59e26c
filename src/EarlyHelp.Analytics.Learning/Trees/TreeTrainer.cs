namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>Which ML.NET gradient-boosting trainer grows the trees.</summary>
public enum TreeTrainer
{
    /// <summary>ML.NET FastTree (binary): the production trainer, the same trees for any seed of the context and any thread count.</summary>
    FastTree,

    /// <summary>
    /// ML.NET's LightGbm (binary), the challenger: its bins come from a sample drawn with the
    /// context's random state, so every fit gets a fresh context seeded with <see cref="GradientBoostingOptions.Seed"/>.
    /// </summary>
    LightGbm,
}
