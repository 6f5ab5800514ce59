using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nexus.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class QualityIssuesAndSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quality_issues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<int>(type: "INTEGER", nullable: false),
                    SyncRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlatformId = table.Column<string>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    Quarantined = table.Column<bool>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quality_issues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quality_issues_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quality_snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<int>(type: "INTEGER", nullable: false),
                    SyncRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    EntitiesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quality_snapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quality_snapshots_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quality_issues_StoreId_Entity_PlatformId",
                table: "quality_issues",
                columns: new[] { "StoreId", "Entity", "PlatformId" });

            migrationBuilder.CreateIndex(
                name: "IX_quality_issues_StoreId_RuleId",
                table: "quality_issues",
                columns: new[] { "StoreId", "RuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_quality_snapshots_StoreId_TakenAt",
                table: "quality_snapshots",
                columns: new[] { "StoreId", "TakenAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quality_issues");

            migrationBuilder.DropTable(
                name: "quality_snapshots");
        }
    }
}
