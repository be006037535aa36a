using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StandardsCommittee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastReviewedOn",
                table: "Standards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextReviewOn",
                table: "Standards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedStandardIds",
                table: "Standards",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<Guid>(
                name: "ReplacedByStandardId",
                table: "Standards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommitteeMeetingsPerYear",
                table: "ProviderSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.CreateTable(
                name: "CommitteeMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", nullable: false),
                    AgendaBuiltAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StandardProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BaseRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    Proposed = table.Column<string>(type: "TEXT", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StandardReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandardReviews_Standards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "Standards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Standards_ReplacedByStandardId",
                table: "Standards",
                column: "ReplacedByStandardId");

            migrationBuilder.CreateIndex(
                name: "IX_Standards_Status_NextReviewOn",
                table: "Standards",
                columns: new[] { "Status", "NextReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMeetings_Date",
                table: "CommitteeMeetings",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_StandardProposals_StandardId",
                table: "StandardProposals",
                column: "StandardId");

            migrationBuilder.CreateIndex(
                name: "IX_StandardProposals_Status_ProposedAt",
                table: "StandardProposals",
                columns: new[] { "Status", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StandardReviews_StandardId_ReviewedAt",
                table: "StandardReviews",
                columns: new[] { "StandardId", "ReviewedAt" });

            // Hand-written (issue 15): standards already active get their first yearly review date, a year after they were created,
            // from the start-up repair (Data/PendingRepairs, YearlyReviews.ScheduleExistingAsync): date arithmetic differs per engine.
            migrationBuilder.InsertData(
                table: "PendingRepairs",
                column: "Name",
                value: "first-yearly-reviews");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written (issue 15): the repair is not needed once the columns are gone.
            migrationBuilder.DeleteData(
                table: "PendingRepairs",
                keyColumn: "Name",
                keyValue: "first-yearly-reviews");

            migrationBuilder.DropTable(
                name: "CommitteeMeetings");

            migrationBuilder.DropTable(
                name: "StandardProposals");

            migrationBuilder.DropTable(
                name: "StandardReviews");

            migrationBuilder.DropIndex(
                name: "IX_Standards_ReplacedByStandardId",
                table: "Standards");

            migrationBuilder.DropIndex(
                name: "IX_Standards_Status_NextReviewOn",
                table: "Standards");

            migrationBuilder.DropColumn(
                name: "LastReviewedOn",
                table: "Standards");

            migrationBuilder.DropColumn(
                name: "NextReviewOn",
                table: "Standards");

            migrationBuilder.DropColumn(
                name: "RelatedStandardIds",
                table: "Standards");

            migrationBuilder.DropColumn(
                name: "ReplacedByStandardId",
                table: "Standards");

            migrationBuilder.DropColumn(
                name: "CommitteeMeetingsPerYear",
                table: "ProviderSettings");
        }
    }
}
