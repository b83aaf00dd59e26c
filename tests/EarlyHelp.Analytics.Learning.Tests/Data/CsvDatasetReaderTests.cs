using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Data;

public sealed class CsvDatasetReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("csv-reader-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Read_WellFormedFile_ReadsFeaturesLabelsAndIds()
    {
        var path = Write("id,f1,y,f2\nA,1.5,0,\nB,-2,1,3e2\n");

        var table = CsvDatasetReader.Read(path, new CsvColumns { Label = "y", Ids = ["id"] });

        Assert.Equal(["f1", "f2"], table.Dataset.FeatureNames);
        Assert.Equal([1.5f, float.NaN, -2f, 300f], table.Dataset.Values.ToArray());
        Assert.Equal([0f, 1f], table.Dataset.Labels!);
        Assert.Equal(["id"], table.IdColumnNames);
        Assert.Equal(["A", "B"], table.IdValues[0]);
    }

    [Fact]
    public void Read_LabelNotRequired_SkipsTheLabelColumnWhenPresent()
    {
        var path = Write("f1,y,f2\n1,0,2\n3,1,4\n");

        var table = CsvDatasetReader.Read(path, new CsvColumns { Label = "y", LabelRequired = false });

        Assert.Equal(["f1", "f2"], table.Dataset.FeatureNames);
        Assert.Null(table.Dataset.Labels);
    }

    [Fact]
    public void Read_ExpectedFeatures_TakesThemInThatOrder()
    {
        var path = Write("b,id,a\n1,X,2\n3,Y,4\n");

        var table = CsvDatasetReader.Read(path, new CsvColumns { Ids = ["id"], Features = ["a", "b"] });

        Assert.Equal(["a", "b"], table.Dataset.FeatureNames);
        Assert.Equal([2f, 1f, 4f, 3f], table.Dataset.Values.ToArray());
    }

    [Fact]
    public void Read_OtherFeaturesThanExpected_NamesThem()
    {
        var path = Write("a,c,d\n1,2,3\n");

        var error = Assert.Throws<DataFileException>(() => CsvDatasetReader.Read(path, new CsvColumns { Features = ["a", "b"] }));

        Assert.Equal($"{path}:1: the features do not match the model's: missing 'b'; unexpected 'c', 'd'.", error.Message);
    }

    [Fact]
    public void Read_NonNumericCell_NamesFileLineAndColumn()
    {
        var path = Write("f1,f2,f3,y\n1,2,3,0\n4,5,abc,1\n");

        var error = Assert.Throws<DataFileException>(() => CsvDatasetReader.Read(path, new CsvColumns { Label = "y" }));

        Assert.Equal($"{path}:3:3: 'f3' is not a number: 'abc'", error.Message);
    }

    [Fact]
    public void Read_NoLabelColumn_IsRefused()
    {
        var path = Write("f1,f2\n1,2\n");

        var error = Assert.Throws<DataFileException>(() => CsvDatasetReader.Read(path, new CsvColumns { Label = "y" }));

        Assert.Equal($"{path}:1: there is no label column 'y'.", error.Message);
    }

    [Fact]
    public void Read_ConstantLabel_IsRefused()
    {
        var path = Write("f1,y\n1,1\n2,1\n");

        var error = Assert.Throws<DataFileException>(() => CsvDatasetReader.Read(path, new CsvColumns { Label = "y" }));

        Assert.Equal($"{path}: the label 'y' is 1 on every row; a model needs both 0 and 1.", error.Message);
    }

    [Theory]
    [InlineData("nan", "the label 'y' must be 0 or 1. Got 'nan'.")]
    [InlineData("NaN", "the label 'y' must be 0 or 1. Got 'NaN'.")]
    [InlineData("Infinity", "the label 'y' must be 0 or 1. Got 'Infinity'.")]
    [InlineData("2", "the label 'y' must be 0 or 1. Got '2'.")]
    [InlineData("0.5", "the label 'y' must be 0 or 1. Got '0.5'.")]
    [InlineData("", "the label 'y' is missing; every row needs a label of 0 or 1.")]
    public void Read_LabelNotZeroOrOne_IsRefusedAtItsCell(string label, string reason)
    {
        var path = Write($"f1,y\n1,0\n2,{label}\n");

        var error = Assert.Throws<DataFileException>(() => CsvDatasetReader.Read(path, new CsvColumns { Label = "y" }));

        Assert.Equal($"{path}:3:2: {reason}", error.Message);
    }

    [Fact]
    public void Read_ShortRow_IsRefused()
    {
        var path = Write("f1,f2,y\n1,2,0\n3,1\n");

        var error = Assert.Throws<DataFileException>(() => CsvDatasetReader.Read(path, new CsvColumns { Label = "y" }));

        Assert.Equal($"{path}:3: the row has 2 fields; the header has 3.", error.Message);
    }

    [Fact]
    public void Read_MissingIdColumn_IsRefused()
    {
        var path = Write("f1,y\n1,0\n2,1\n");

        var error = Assert.Throws<DataFileException>(() => CsvDatasetReader.Read(path, new CsvColumns { Label = "y", Ids = ["id"] }));

        Assert.Equal($"{path}:1: there is no id column 'id'.", error.Message);
    }

    [Fact]
    public void Read_DuplicateColumn_IsRefused()
    {
        var path = Write("f1,f1,y\n1,2,0\n");

        var error = Assert.Throws<DataFileException>(() => CsvDatasetReader.Read(path, new CsvColumns { Label = "y" }));

        Assert.Equal($"{path}:1: the column 'f1' appears more than once in the header.", error.Message);
    }

    [Fact]
    public void Read_HeaderOnly_IsRefused()
    {
        var path = Write("f1,y\n");

        var error = Assert.Throws<DataFileException>(() => CsvDatasetReader.Read(path, new CsvColumns { Label = "y" }));

        Assert.Equal($"{path}: the file has a header but no rows.", error.Message);
    }

    private string Write(string text)
    {
        var path = Path.Combine(folder, $"data{Directory.GetFiles(folder).Length}.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
