namespace Nexus.Tests.Analytics.Forecasting;

/// <summary>
/// Two public series shipped with R (package <c>datasets</c>, R 4.2.2): <c>AirPassengers</c> (monthly airline
/// passengers 1949–1960, Box &amp; Jenkins) and <c>Nile</c> (annual Nile flow at Aswan 1871–1970). The reference values
/// in the tests are the outputs of R's <c>forecast</c> package 8.20 (Hyndman et al., CRAN; Debian r-cran-forecast
/// 8.20-1) printed with <c>options(digits = 12)</c>, from these calls:
/// <c>ets(Nile, model = "ANN")</c>, <c>ets(Nile, model = "AAN", damped = TRUE)</c>, <c>ets(AirPassengers, model = "ANN")</c>,
/// <c>thetaf(AirPassengers, h = 5)</c>, <c>thetaf(ts(as.numeric(Nile)), h = 5)</c>.
/// </summary>
internal static class ReferenceSeries
{
    public static readonly double[] AirPassengers =
    [
        112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
        145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194,
        196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229,
        242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306,
        315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337,
        360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432,
    ];

    public static readonly double[] Nile =
    [
        1120, 1160, 963, 1210, 1160, 1160, 813, 1230, 1370, 1140, 995, 935, 1110, 994, 1020, 960, 1180, 799, 958, 1140, 1100,
        1210, 1150, 1250, 1260, 1220, 1030, 1100, 774, 840, 874, 694, 940, 833, 701, 916, 692, 1020, 1050, 969, 831, 726, 456,
        824, 702, 1120, 1100, 832, 764, 821, 768, 845, 864, 862, 698, 845, 744, 796, 1040, 759, 781, 865, 845, 944, 984, 897,
        822, 1010, 771, 676, 649, 846, 812, 742, 801, 1040, 860, 874, 848, 890, 744, 749, 838, 1050, 918, 986, 797, 923, 975,
        815, 1020, 906, 901, 1170, 912, 746, 919, 718, 714, 740,
    ];

    public static void AssertRelative(double expected, double actual, double tolerance = 1e-3, string? what = null) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"{what ?? "value"}: expected {expected} ± {tolerance:P2}, got {actual}");
}
