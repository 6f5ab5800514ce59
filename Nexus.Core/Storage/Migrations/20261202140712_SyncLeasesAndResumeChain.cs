using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SyncLeasesAndResumeChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Interrupted",
                table: "sync_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ResumesChainFromRunId",
                table: "sync_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sync_leases",
                columns: table => new
                {
                    StoreId = table.Column<int>(type: "INTEGER", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HolderId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AcquiredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_leases", x => x.StoreId);
                });

            // Runs the earlier engine marked as interrupted stay resumable.
            migrationBuilder.Sql("UPDATE sync_runs SET Interrupted = 1 WHERE Status = 'Failed' AND Error LIKE 'Interrupted before it finished%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sync_leases");

            migrationBuilder.DropColumn(
                name: "Interrupted",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "ResumesChainFromRunId",
                table: "sync_runs");
        }
    }
}
