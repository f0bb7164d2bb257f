"""The consult as FHIR R4 resources, for a clinic's medical record: the note and the summary PDF
as a DocumentReference, the SURE answers and the what-matters ratings as QuestionnaireResponses
pointing at the Questionnaires the app publishes, a Provenance naming the app, and a Bundle of
them all. Built from the same functions as the note and the PDF; plain functions, no Streamlit.
Each resource is checked by the fhir.resources models (their R4B package: the library ships no
R4 models, and these resources are the same in R4 and R4B) before it leaves the app."""
