package com.giftcardimport.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Any other failure while a page opens: a generic message with an incident id; the log has the detail (500). */
@AnonymousAllowed
public class InternalErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String incident = Incidents.log("Opening '" + event.getLocation().getPath() + "' failed",
                parameter.getCaughtException());
        show(getTranslation("error.unexpected.title"), getTranslation("error.unexpected.text", incident));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
