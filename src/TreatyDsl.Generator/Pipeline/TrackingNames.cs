namespace TreatyDsl.Generator;

/// <summary>Names of the pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    public const string Files = "TreatyFiles";
    public const string Parse = "Parse";
    public const string Bind = "Bind";
    public const string Settings = "Settings";
    public const string Consumer = "Consumer";
    public const string PathMap = "PathMap";
    public const string Plan = "Plan";
    public const string Instruments = "Instruments";
    public const string Advisories = "Advisories";
    public const string Vocabulary = "Vocabulary";
    public const string Catalog = "Catalog";
    public const string Omissions = "Omissions";
}
