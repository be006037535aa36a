using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PracticeWeek : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SecondReviewReason",
                table: "Reviews",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientNote",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionAcceptedBy",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExceptionExpiresOn",
                table: "ReviewItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExceptionRecordedAt",
                table: "ReviewItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionRecordedBy",
                table: "ReviewItems",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExceptionReviewId",
                table: "ReviewItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DueGraceDays",
                table: "ProviderSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 14);

            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "ProviderSettings",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "Handoffs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "Handoffs",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                // Hand-offs made before priorities existed are Medium, the default; the model itself has no database default,
                // because EF would then store High (the enum's zero) as the default instead.
                defaultValue: "Medium");

            migrationBuilder.AddColumn<string>(
                name: "PsaTicket",
                table: "Handoffs",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcceptedBy",
                table: "ClientExceptions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "ClientExceptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "ClientExceptions",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewId",
                table: "ClientExceptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PendingRepairs",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingRepairs", x => x.Name);
                });

            // Hand-written (issue 13, exceptions): review items the client template filled in as N/A before exceptions were kept
            // on the item take the client's current exception, so their reports list them as accepted risks.
            migrationBuilder.Sql("""
                UPDATE "ReviewItems" SET
                    "AcceptedRiskReason" = (SELECT e."Reason" FROM "ClientExceptions" e
                        WHERE e."ClientId" = "ReviewItems"."ClientId" AND e."StandardId" = "ReviewItems"."StandardId"),
                    "ExceptionExpiresOn" = (SELECT e."ExpiresOn" FROM "ClientExceptions" e
                        WHERE e."ClientId" = "ReviewItems"."ClientId" AND e."StandardId" = "ReviewItems"."StandardId")
                WHERE "AnsweredBy" = 'client template' AND "Answer" = 'NotApplicable' AND EXISTS (SELECT 1 FROM "ClientExceptions" e
                    WHERE e."ClientId" = "ReviewItems"."ClientId" AND e."StandardId" = "ReviewItems"."StandardId");
                """);

            // Hand-written (issue 13, findings): two one-time repairs that need the app's own rules, so the next start-up runs them
            // (Data/PendingRepairs): findings rebuilt from the dated history of answers, and revisions recorded for a save that
            // changed only line endings folded into the revision before them. A migration's SQL could not apply those rules.
            migrationBuilder.InsertData(
                table: "PendingRepairs",
                column: "Name",
                values: new object[] { "findings-from-dated-history", "revisions-without-real-change" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingRepairs");

            migrationBuilder.DropColumn(
                name: "SecondReviewReason",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ClientNote",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "ExceptionAcceptedBy",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "ExceptionExpiresOn",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "ExceptionRecordedAt",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "ExceptionRecordedBy",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "ExceptionReviewId",
                table: "ReviewItems");

            migrationBuilder.DropColumn(
                name: "DueGraceDays",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "ProviderSettings");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "PsaTicket",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "AcceptedBy",
                table: "ClientExceptions");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "ClientExceptions");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "ClientExceptions");

            migrationBuilder.DropColumn(
                name: "ReviewId",
                table: "ClientExceptions");
        }
    }
}
