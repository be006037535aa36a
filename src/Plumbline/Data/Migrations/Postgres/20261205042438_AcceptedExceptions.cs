using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plumbline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AcceptedExceptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExceptionAcceptedBy",
                table: "ReviewItems",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExceptionExpiresOn",
                table: "ReviewItems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExceptionRecordedAt",
                table: "ReviewItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionRecordedBy",
                table: "ReviewItems",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExceptionReviewId",
                table: "ReviewItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcceptedBy",
                table: "ClientExceptions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "ClientExceptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "ClientExceptions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewId",
                table: "ClientExceptions",
                type: "uuid",
                nullable: true);

            // Items that a template exception filled in before items kept a copy of it: copy the client's exception where it
            // still exists, so their reports list them as accepted risks rather than as not applicable.
            migrationBuilder.Sql("""
                UPDATE "ReviewItems" SET
                    "AcceptedRiskReason" = (SELECT e."Reason" FROM "ClientExceptions" e
                        WHERE e."ClientId" = "ReviewItems"."ClientId" AND e."StandardId" = "ReviewItems"."StandardId"),
                    "ExceptionExpiresOn" = (SELECT e."ExpiresOn" FROM "ClientExceptions" e
                        WHERE e."ClientId" = "ReviewItems"."ClientId" AND e."StandardId" = "ReviewItems"."StandardId")
                WHERE "AnsweredBy" = 'client template' AND "Answer" = 'NotApplicable' AND EXISTS (SELECT 1 FROM "ClientExceptions" e
                    WHERE e."ClientId" = "ReviewItems"."ClientId" AND e."StandardId" = "ReviewItems"."StandardId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
