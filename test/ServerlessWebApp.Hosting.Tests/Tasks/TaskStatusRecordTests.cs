using System.Text.Json;
using Serverless.WebApp.Hosting.Tasks;

namespace Serverless.WebApp.Hosting.Tests.Tasks;

public sealed class TaskStatusRecordTests
{
    [Fact]
    public void StatusSerialisesWithTheWireStateNameThroughSourceGeneration()
    {
        // GIVEN a status record as GET /tasks/{id} would return it
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var record = new TaskStatusRecord("abc", "compute-dna", TaskState.InProgress, 2, at, at, at, null, null, "boom", at.AddDays(14));

        // WHEN an app serialises it with its source-generated context
        var json = JsonSerializer.Serialize(record, TaskTestJsonContext.Default.TaskStatusRecord);

        // THEN the state is the wire name the status table uses
        Assert.Contains("\"state\":\"IN_PROGRESS\"", json);
        Assert.Equal(TaskState.InProgress, JsonSerializer.Deserialize(json, TaskTestJsonContext.Default.TaskStatusRecord)!.State);
    }

    [Theory]
    [InlineData(TaskState.Received, "RECEIVED")]
    [InlineData(TaskState.InProgress, "IN_PROGRESS")]
    [InlineData(TaskState.Done, "DONE")]
    [InlineData(TaskState.Failed, "FAILED")]
    public void StateNamesRoundTrip(TaskState state, string name)
    {
        Assert.Equal(name, TaskStateNames.ToName(state));
        Assert.Equal(state, TaskStateNames.Parse(name));
    }

    [Fact]
    public void UnknownStateNameIsRejectedListingTheAllowedOnes()
    {
        var error = Assert.Throws<FormatException>(() => TaskStateNames.Parse("PENDING"));

        Assert.Contains("RECEIVED, IN_PROGRESS, DONE, FAILED", error.Message);
    }
}
